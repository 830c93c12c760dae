import type { Signal } from '@preact/signals';
import { awaitAccess, type AccessOutcome } from './await-access';
import type { MessageKey } from './i18n';
import type { Lifetime } from './lifetime';
import type { Busy } from './options-state';
import type { OptionsTransport } from './transport';

/** Each way a request for host access can end but granted, in words. */
export const ACCESS_MESSAGES = {
  denied: 'options.access.denied',
  timeout: 'options.access.timeout',
  cancelled: 'options.access.cancelled',
  error: 'options.access.error',
} as const satisfies Record<Exclude<AccessOutcome, 'granted'>, MessageKey>;

/**
 * Which hosts the extension may read (pack URLs): known ahead of a click where possible, asked for at the click
 * otherwise (the browser accepts the request only during a user gesture). A prompt with no answer times out.
 */
export function hostAccess(transport: OptionsTransport, life: Lifetime, busy: Signal<Busy | null>, timeoutMs: number) {
  const known = new Map<string, boolean>();
  return {
    timeoutMs,
    /** Looks up (ahead of a click) whether the extension may read a URL's host, so the click can skip the prompt. */
    prime(url: string) {
      let host: string;
      try {
        const u = new URL(url);
        if (u.protocol !== 'https:') return;
        host = u.hostname;
      } catch {
        return;
      }
      if (known.get(host)) return;
      void transport.hasHostAccess(host).then(
        (ok) => known.set(host, ok),
        () => {},
      );
    },
    /** Access to `host`, asked for at this moment. Call synchronously from a click handler. */
    ensure(host: string): Promise<AccessOutcome> {
      if (known.get(host)) return Promise.resolve('granted');
      // Cancelled by the agent, or when the page goes away.
      const ask = new AbortController();
      const onEnd = () => ask.abort();
      life.signal.addEventListener('abort', onEnd);
      const outcome = awaitAccess(() => transport.requestHostAccess(host).then((ok) => (known.set(host, ok), ok)), timeoutMs, ask.signal);
      busy.value = { key: 'options.busy.permission', vars: { host }, cancel: () => ask.abort() };
      return outcome.finally(() => life.signal.removeEventListener('abort', onEnd));
    },
    /** A host found readable without asking (the daily update check). */
    granted: (host: string) => void known.set(host, true),
  };
}
export type HostAccess = ReturnType<typeof hostAccess>;
