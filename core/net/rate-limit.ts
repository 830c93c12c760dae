import { sleep } from './http';

/** A task's answer, or SKIPPED when `skip` said at its turn that it is no longer wanted (no slot spent). */
export const SKIPPED = Symbol('skipped');

/**
 * Spaces calls so that no more than `perSecond` start in any one-second window
 * (amoCRM allows 7 requests a second per account; more gets 429 and, if repeated, a block).
 * A call whose `skip()` is true when its turn comes spends no slot and answers SKIPPED.
 */
export function createRateLimiter(perSecond: number, clock: () => number = Date.now, wait: (ms: number) => Promise<void> = sleep) {
  const starts: number[] = [];
  let chain: Promise<void> = Promise.resolve();
  return function schedule<T>(task: () => Promise<T>, skip: () => boolean = () => false): Promise<T | typeof SKIPPED> {
    let skipped = false;
    const turn = chain.then(async () => {
      for (;;) {
        if ((skipped = skip())) return;
        const now = clock();
        while (starts.length && now - starts[0]! >= 1000) starts.shift();
        if (starts.length < perSecond) break;
        await wait(1000 - (now - starts[0]!));
      }
      starts.push(clock());
    });
    chain = turn.catch(() => {});
    return turn.then((): Promise<T | typeof SKIPPED> => (skipped ? Promise.resolve(SKIPPED) : task()));
  };
}
