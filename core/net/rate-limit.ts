import { sleep } from './http';

/**
 * Spaces calls so that no more than `perSecond` start in any one-second window
 * (amoCRM allows 7 requests a second per account; more gets 429 and, if repeated, a block).
 */
export function createRateLimiter(perSecond: number, clock: () => number = Date.now, wait: (ms: number) => Promise<void> = sleep) {
  const starts: number[] = [];
  let chain: Promise<void> = Promise.resolve();
  return function schedule<T>(task: () => Promise<T>): Promise<T> {
    const turn = chain.then(async () => {
      for (;;) {
        const now = clock();
        while (starts.length && now - starts[0]! >= 1000) starts.shift();
        if (starts.length < perSecond) break;
        await wait(1000 - (now - starts[0]!));
      }
      starts.push(clock());
    });
    chain = turn.catch(() => {});
    return turn.then(task);
  };
}
