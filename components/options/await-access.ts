/** How a request for host access ended. */
export type AccessOutcome = 'granted' | 'denied' | 'timeout' | 'cancelled' | 'error';

/**
 * Asks for host access and waits for the answer, never for ever: headless Chromium shows no prompt, so
 * its request never settles. `request` runs at once, before anything is awaited, so it stays inside the
 * user's click (the browser refuses the request outside a user gesture).
 */
export function awaitAccess(request: () => Promise<boolean>, timeoutMs: number, signal: AbortSignal): Promise<AccessOutcome> {
  let asked: Promise<boolean>;
  try {
    asked = request();
  } catch {
    return Promise.resolve('error');
  }
  return new Promise((resolve) => {
    const done = (r: AccessOutcome) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const onAbort = () => done('cancelled');
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    if (signal.aborted) return done('cancelled');
    signal.addEventListener('abort', onAbort);
    asked.then(
      (ok) => done(ok ? 'granted' : 'denied'),
      () => done('error'),
    );
  });
}
