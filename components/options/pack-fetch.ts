import type { Signal } from '@preact/signals';
import { MAX_PACK_BYTES } from '../../core/pack/parse';
import type { MessageKey } from './i18n';
import { errorText, type Lifetime } from './lifetime';
import type { Busy } from './options-state';
import { PackFetchError, type OptionsTransport } from './transport';

/** Each way a pack download can fail, in words. */
export const FETCH_MESSAGES = {
  http: 'options.fetch.http',
  'too-big': 'options.fetch.tooBig',
  network: 'options.fetch.network',
  'not-https': 'options.fetch.notHttps',
  timeout: 'options.fetch.timeout',
  aborted: 'options.fetch.aborted',
} as const satisfies Record<PackFetchError['reason'], MessageKey>;

/**
 * Downloads a pack file's bytes: at most MAX_PACK_BYTES, within `timeoutMs`, cancellable from the progress line
 * (unless `quiet`), and ended with the page. Every failure is a PackFetchError with its reason.
 */
export function packFetcher(transport: OptionsTransport, life: Lifetime, busy: Signal<Busy | null>, timeoutMs: number) {
  return async function fetchPackBytes(url: string, cancelKey: MessageKey, vars: Busy['vars'], quiet = false): Promise<Uint8Array> {
    const ctl = new AbortController();
    const stopTimer = life.later(() => ctl.abort(new PackFetchError('timeout')), timeoutMs);
    const onEnd = () => ctl.abort();
    life.signal.addEventListener('abort', onEnd);
    if (!quiet) busy.value = { key: cancelKey, vars, cancel: () => ctl.abort(new PackFetchError('aborted')) };
    try {
      return await transport.fetchBytes(url, { maxBytes: MAX_PACK_BYTES, signal: ctl.signal });
    } catch (e) {
      if (ctl.signal.aborted && ctl.signal.reason instanceof PackFetchError) throw ctl.signal.reason;
      throw e instanceof PackFetchError ? e : new PackFetchError('network', errorText(e));
    } finally {
      stopTimer();
      life.signal.removeEventListener('abort', onEnd);
    }
  };
}
export type FetchPackBytes = ReturnType<typeof packFetcher>;
