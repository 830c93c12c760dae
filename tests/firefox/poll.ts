export interface PollOptions {
  timeout?: number;
  interval?: number;
  /** A reason to give up at once (e.g. the browser exited); undefined: keep waiting. */
  failFast?: () => string | undefined;
}

/**
 * Calls `get` until it gives a value other than undefined, and returns it. On timeout it throws
 * "Timed out after N ms waiting for <what>" (`what` may be a function, to describe what was seen last),
 * with the last error if there was one.
 */
export async function poll<T>(what: string | (() => string), get: () => T | undefined | Promise<T | undefined>, opts: PollOptions = {}): Promise<T> {
  const { timeout = 15_000, interval = 100 } = opts;
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    const stop = opts.failFast?.();
    if (stop) throw new Error(`Gave up waiting for ${describe(what)}: ${stop}`);
    try {
      const value = await get();
      if (value !== undefined) return value;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${describe(what)}${seen}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

const describe = (what: string | (() => string)) => (typeof what === 'string' ? what : what());
