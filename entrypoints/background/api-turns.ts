import { REQUESTS_PER_SECOND, type ApiTurnAnswer, type ApiTurnMessage } from '../../core/net/account-rates';
import { createRateLimiter, SKIPPED } from '../../core/net/rate-limit';
import { helpdeskOfHost, type CustomHosts } from '../../core/sources/sites';

/**
 * One rate limiter per helpdesk account, shared by all its tabs: a content script asks for a turn before each
 * API request and starts it when the answer comes. The account is the sending page's (the browser's sender
 * URL), never a claim in the message. A withdrawn turn spends no slot.
 */
export function createApiTurns(
  customHosts: () => Promise<CustomHosts>,
  makeLimiter: (perSecond: number) => ReturnType<typeof createRateLimiter> = createRateLimiter,
) {
  const limiters = new Map<string, ReturnType<typeof createRateLimiter>>();
  /** Turns asked and not yet given, by tab and id; true once withdrawn. */
  const waiting = new Map<string, boolean>();
  return async function handle(m: ApiTurnMessage, sender: { tabId: number; url: string | undefined }): Promise<ApiTurnAnswer> {
    const key = `${sender.tabId}:${m.id}`;
    if (m.kind === 'api-turn-withdraw') {
      if (waiting.has(key)) waiting.set(key, true);
      return { ok: true };
    }
    let url: URL;
    try {
      url = new URL(sender.url ?? '');
    } catch {
      return { ok: false, error: 'a turn asked from a page without an address' };
    }
    waiting.set(key, false);
    try {
      const helpdesk = helpdeskOfHost(url, await customHosts());
      if (!helpdesk) return { ok: false, error: `${url.origin} is not a helpdesk Tipazh reads` };
      const account = `${helpdesk.source}:${helpdesk.account}`;
      let limit = limiters.get(account);
      if (!limit) limiters.set(account, (limit = makeLimiter(REQUESTS_PER_SECOND[helpdesk.source])));
      const answer = await limit(
        async (): Promise<ApiTurnAnswer> => ({ ok: true }),
        () => waiting.get(key) === true,
      );
      return answer === SKIPPED ? { ok: false, error: 'withdrawn' } : answer;
    } finally {
      waiting.delete(key);
    }
  };
}
