import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageReport } from '../../core/messages/page-report';
import type { RawReadInput } from '../../core/sources/raw-read';
import type { Recognised } from './adapters/registry';
import { turnTakingFetch } from './api-turns';
import { log } from './log';
import { pageFetch } from './page-fetch';

/** A ticket read less than this long ago is not fetched again: Zendesk counts our calls against the account. */
const CACHE_MS = 60_000;

/**
 * Follows the helpdesk single-page app: on every URL change, reads the client (once per ticket per minute)
 * and reports the page state. `recognise` says which helpdesk a URL belongs to (null: none, so nothing is
 * read). Nothing here may throw into the page; everything stops with `ctx`.
 */
export function watchPage(ctx: ContentScriptContext, report: (r: PageReport) => void, recognise: (url: URL) => Recognised | null): void {
  const cache = new Map<string, { at: number; read: RawReadInput }>();
  let lastUrl = '';
  let current: AbortController | undefined;

  const check = async () => {
    const href = location.href;
    if (href === lastUrl || ctx.isInvalid) return;
    lastUrl = href;
    current?.abort();
    const ac = new AbortController();
    current = ac;
    const page = recognise(new URL(href));
    const target = page?.target;
    if (!page || !target) return report({ kind: 'page', state: 'none', url: href });
    const { adapter } = page;
    const key = `${target.source}:${target.account}:${target.kind}:${target.id}`;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return report({ kind: 'page', state: 'raw', url: href, read: hit.read });
    report({ kind: 'page', state: 'reading', url: href });
    try {
      const read = await adapter.read(target, {
        doc: document,
        signal: AbortSignal.any([ac.signal, ctx.signal]),
        fetch: turnTakingFetch(pageFetch(), adapter.site.id),
      });
      cache.set(key, { at: Date.now(), read });
      if (current === ac) report({ kind: 'page', state: 'raw', url: href, read });
    } catch (e) {
      if (ac.signal.aborted || ctx.isInvalid) return;
      log.warn('could not read the client', e);
      report({ kind: 'page', state: 'error', url: href, message: e instanceof Error ? e.message : String(e) });
    }
  };
  const safeCheck = () => void check().catch((e) => log.warn('page check failed', e));

  safeCheck();
  // WXT polls the URL once a second; the Navigation API (Chromium) tells us at once.
  ctx.addEventListener(window, 'wxt:locationchange', safeCheck);
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', () => queueMicrotask(safeCheck), { signal: ctx.signal });
  window.addEventListener('popstate', safeCheck, { signal: ctx.signal });
}
