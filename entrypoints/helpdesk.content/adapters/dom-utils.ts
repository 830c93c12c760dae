/** The first element any selector finds, in the order given (newest UI variant first). */
export function queryFirst<E extends Element = Element>(root: ParentNode, selectors: readonly string[]): E | null {
  for (const s of selectors) {
    const el = root.querySelector<E>(s);
    if (el) return el;
  }
  return null;
}

/** All elements the first matching selector finds. */
export function queryAllFirst<E extends Element = Element>(root: ParentNode, selectors: readonly string[]): E[] {
  for (const s of selectors) {
    const els = root.querySelectorAll<E>(s);
    if (els.length) return [...els];
  }
  return [];
}

/** Visible text of an element with line breaks kept, or its value for form fields. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value.trim();
  const html = el as HTMLElement;
  return (html.innerText ?? html.textContent ?? '').replace(/\u00a0/g, ' ').trim();
}

/**
 * Resolves with `find()`'s result once it is non-null, watching DOM mutations; rejects after `timeoutMs`.
 * The observer is always disconnected, so nothing keeps watching the helpdesk page.
 */
export function waitFor<T>(doc: Document, find: () => T | null, signal: AbortSignal, timeoutMs = 8000): Promise<T> {
  return new Promise((resolve, reject) => {
    const now = find();
    if (now) return resolve(now);
    const done = (fn: () => void) => {
      obs.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      fn();
    };
    const obs = new MutationObserver(() => {
      const v = find();
      if (v) done(() => resolve(v));
    });
    const onAbort = () => done(() => reject(signal.reason));
    const timer = setTimeout(() => done(() => reject(new Error('the page did not show the ticket in time'))), timeoutMs);
    signal.addEventListener('abort', onAbort);
    obs.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-is-active', 'value'] });
  });
}

/**
 * Resolves once the page has stopped changing for `quietMs` (or after `maxMs` regardless): single-page
 * helpdesks re-render the card after the URL changes, and reading too early would read the old card.
 */
export function waitForQuiet(doc: Document, signal: AbortSignal, quietMs = 250, maxMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    let quiet = setTimeout(finish, quietMs);
    const cap = setTimeout(finish, maxMs);
    const obs = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(finish, quietMs);
    });
    const onAbort = () => {
      cleanup();
      reject(signal.reason);
    };
    function cleanup() {
      obs.disconnect();
      clearTimeout(quiet);
      clearTimeout(cap);
      signal.removeEventListener('abort', onAbort);
    }
    function finish() {
      cleanup();
      resolve();
    }
    signal.addEventListener('abort', onAbort);
    obs.observe(doc.documentElement, { childList: true, subtree: true });
  });
}
