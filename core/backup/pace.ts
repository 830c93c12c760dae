/** A pause that lets the page paint and answer input: a new task, not a microtask. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface PaceOptions {
  pause?: () => Promise<void>;
  /** Milliseconds of work between two pauses. */
  every?: number;
}

/**
 * For long loops in a page: `await paced()` after each step pauses only once `every` ms of work have passed
 * since the last pause, so the page stays responsive and the loop loses little time.
 */
export function pacer({ pause = nextTask, every = 100 }: PaceOptions = {}) {
  let since = Date.now();
  return async () => {
    if (Date.now() - since < every) return;
    await pause();
    since = Date.now();
  };
}
