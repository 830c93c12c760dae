import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { HELPDESK_HOST_PATTERNS } from '../../core/sources/sites';
import type { InsertRequest, InsertResult, ReadReplyRequest, ReadReplyResult } from '../../core/messages/reply-box';
import type { PageReport } from '../../core/messages/page-report';
import { recognise, type Recognised } from './adapters/registry';
import { watchCustomHelpdesks } from './custom-helpdesks';
import { log } from './log';
import { watchPage } from './watch-page';
import { isTeamWriteRequest } from '../../core/messages/team-write';
import { handleTeamWrite } from './team-write';

/** Checked by hand: the content script carries no schema library. */
const isInsertRequest = (m: unknown): m is InsertRequest =>
  typeof m === 'object' &&
  m !== null &&
  (m as InsertRequest).kind === 'insert' &&
  typeof (m as InsertRequest).text === 'string' &&
  (m as InsertRequest).text.length <= 10_000;

const isReadReplyRequest = (m: unknown): m is ReadReplyRequest => typeof m === 'object' && m !== null && (m as ReadReplyRequest).kind === 'read-reply';

/** The side panel asks what the agent has written in this page's reply box (to check it; nothing is sent). */
function readReply(page: Recognised | null): ReadReplyResult {
  if (!page) return { ok: false, reason: 'unsupported' };
  const box = page.adapter.replyBox(page.target, document);
  if (!box) return { ok: false, reason: 'no-composer' };
  const text = box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement ? box.value : box.innerText;
  return { ok: true, text: text.slice(0, 20_000) };
}

/** The side panel asks to put a phrase into the reply box of this page. */
async function handleInsert(req: InsertRequest, page: Recognised | null): Promise<InsertResult> {
  const insert = page?.adapter.insert;
  // 'copy-only': the panel copies the phrase instead.
  if (!insert || insert === 'copy-only') return { ok: false, reason: 'unsupported' };
  try {
    return await insert(req.text, page.target, document);
  } catch (e) {
    log.warn('could not insert the phrase', e);
    return { ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

// Runs on the built-in hosts below, and on the addresses the agent added: the background registers this same
// file for those (entrypoints/background/helpdesk-scripts.ts).
export default defineContentScript({
  matches: HELPDESK_HOST_PATTERNS,
  runAt: 'document_idle',
  async main(ctx) {
    // False once this page stops being one Tipazh reads (the agent removed its address): from then on, inert.
    let live = true;
    const report = (r: PageReport) => {
      if (ctx.isInvalid || !live) return;
      browser.runtime.sendMessage(r).catch((e: unknown) => log.info('background did not take the report', e));
    };
    const custom = await watchCustomHelpdesks(ctx, () => {
      if (!live || recognise(new URL(location.href), custom())) return;
      report({ kind: 'page', state: 'none', url: location.href });
      live = false;
    });
    const here = (url: URL) => (live ? recognise(url, custom()) : null);
    // Not a helpdesk Tipazh knows (e.g. an address removed while the browser was closed): do nothing at all.
    if (!here(new URL(location.href))) return;
    try {
      watchPage(ctx, report, here);
      // Answer only the panel's insert and read requests and the background's team sync writes.
      const onMessage = (message: unknown) => {
        if (isInsertRequest(message)) return handleInsert(message, here(new URL(location.href)));
        if (isReadReplyRequest(message)) return Promise.resolve(readReply(here(new URL(location.href))));
        if (isTeamWriteRequest(message)) return handleTeamWrite(message, here(new URL(location.href)));
        return undefined;
      };
      browser.runtime.onMessage.addListener(onMessage);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    } catch (e) {
      log.warn('Tipazh stopped on this page', e);
    }
  },
});
