import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { HELPDESK_HOST_PATTERNS } from '../../core/hosts';
import type { InsertRequest, InsertResult, PageReport } from '../../core/protocol';
import { adapterFor } from './adapters/registry';
import { log } from './log';
import { watchPage } from './watch-page';

/** Checked by hand: the content script carries no schema library. */
const isInsertRequest = (m: unknown): m is InsertRequest =>
  typeof m === 'object' && m !== null && (m as InsertRequest).kind === 'insert' && typeof (m as InsertRequest).text === 'string' && (m as InsertRequest).text.length <= 10_000;

/** The side panel asks to put a phrase into the reply box of this page. */
async function handleInsert(req: InsertRequest): Promise<InsertResult> {
  const url = new URL(location.href);
  const adapter = adapterFor(url);
  if (!adapter) return { ok: false, reason: 'unsupported' };
  try {
    return await adapter.insert(req.text, adapter.target(url), document);
  } catch (e) {
    log.warn('could not insert the phrase', e);
    return { ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

export default defineContentScript({
  matches: HELPDESK_HOST_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    const report = (r: PageReport) => {
      if (ctx.isInvalid) return;
      browser.runtime.sendMessage(r).catch((e: unknown) => log.info('background did not take the report', e));
    };
    try {
      watchPage(ctx, report);
      // Answer only insert requests; anything else is not ours to answer.
      const onMessage = (message: unknown) => {
        return isInsertRequest(message) ? handleInsert(message) : undefined;
      };
      browser.runtime.onMessage.addListener(onMessage);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    } catch (e) {
      log.warn('Tipazh stopped on this page', e);
    }
  },
});
