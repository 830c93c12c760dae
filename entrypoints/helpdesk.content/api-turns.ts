import { browser } from 'wxt/browser';
import { REQUESTS_PER_SECOND, type ApiTurnAnswer, type ApiTurnMessage } from '../../core/net/account-rates';
import { createRateLimiter, SKIPPED } from '../../core/net/rate-limit';
import type { SourceId } from '../../core/source-ids';
import { log } from './log';

let nextId = 1;
/** This tab's own pacing, used only when the background does not answer (e.g. while the extension updates). */
const alone = new Map<SourceId, ReturnType<typeof createRateLimiter>>();

const ask = (m: ApiTurnMessage) => browser.runtime.sendMessage(m) as Promise<ApiTurnAnswer | undefined>;

/** Waits for `p`, or rejects when `signal` aborts first. */
function until<T>(p: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * `base` (the page's fetch), each request started only when the background gives this helpdesk account a turn:
 * one rate for all the account's tabs (REQUESTS_PER_SECOND). A request aborted while it waits withdraws its
 * turn and is never made. Without an answer from the background, the tab paces itself alone.
 */
export function turnTakingFetch(base: typeof fetch, source: SourceId): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal;
    const id = nextId++;
    let answer: ApiTurnAnswer | undefined;
    try {
      answer = await until(ask({ kind: 'api-turn', id }), signal);
    } catch (e) {
      if (signal?.aborted) {
        ask({ kind: 'api-turn-withdraw', id }).catch(() => undefined);
        throw e;
      }
      log.info('no turn from the background; this tab paces its own requests', e);
    }
    if (answer?.ok) return base(input, init);
    let limit = alone.get(source);
    if (!limit) alone.set(source, (limit = createRateLimiter(REQUESTS_PER_SECOND[source])));
    const res = await limit(
      () => base(input, init),
      () => signal?.aborted === true,
    );
    if (res === SKIPPED) throw signal?.reason ?? new Error('aborted');
    return res;
  };
}
