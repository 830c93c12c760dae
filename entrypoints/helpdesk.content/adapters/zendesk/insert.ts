import { injectScript } from 'wxt/utils/inject-script';
import type { InsertResult } from '../../../../core/messages/reply-box';
import { log } from '../../log';
import { BRIDGE_EVENTS } from './bridge-events';

let bridge: Promise<unknown> | undefined;

/** True when the bridge is in the page already: it answers a ping at once (DOM events cross script worlds synchronously). */
function bridgeAnswers(doc: Document): boolean {
  let answered = false;
  const onPong = () => (answered = true);
  doc.addEventListener(BRIDGE_EVENTS.pong, onPong);
  doc.dispatchEvent(new CustomEvent(BRIDGE_EVENTS.ping));
  doc.removeEventListener(BRIDGE_EVENTS.pong, onPong);
  return answered;
}

/**
 * Asks the main-world bridge (entrypoints/zendesk-bridge.ts) to insert text through CKEditor 5's own API,
 * which keeps the editor's model in sync (typing into its DOM would not). Times out as "no composer".
 */
export async function insertViaCkEditor(doc: Document, text: string, ticketId: string | undefined, timeoutMs = 2000): Promise<InsertResult> {
  // On an address the agent added, Chrome keeps the page from loading the bridge (web_accessible_resources
  // name zendesk.com only); the background registers it in the page's world there instead. No bridge at all
  // ends as "no composer" below, and the panel copies the phrase.
  // The script tag is removed as soon as it is in (it still runs): it would name the extension to the page.
  bridge ??= bridgeAnswers(doc) ? Promise.resolve() : injectScript('/zendesk-bridge.js').catch((e: unknown) => log.info('the page did not load the bridge', e));
  await bridge;
  const id = crypto.randomUUID();
  return new Promise<InsertResult>((resolve) => {
    const done = (r: InsertResult) => {
      clearTimeout(timer);
      doc.removeEventListener(BRIDGE_EVENTS.insertResult, onResult);
      resolve(r);
    };
    const onResult = (e: Event) => {
      let data: unknown;
      try {
        data = JSON.parse(String((e as CustomEvent).detail));
      } catch {
        return;
      }
      if ((data as { id?: string }).id !== id) return;
      const answer = data as { ok?: unknown; reason?: unknown; message?: unknown };
      if (answer.ok === true) done({ ok: true });
      else if (answer.reason === 'no-composer' || answer.reason === 'error')
        done({ ok: false, reason: answer.reason, message: typeof answer.message === 'string' ? answer.message.slice(0, 2000) : undefined });
      else done({ ok: false, reason: 'error', message: 'bad answer from the page bridge' });
    };
    const timer = setTimeout(() => done({ ok: false, reason: 'no-composer', message: 'the reply box did not answer' }), timeoutMs);
    doc.addEventListener(BRIDGE_EVENTS.insertResult, onResult);
    doc.dispatchEvent(new CustomEvent(BRIDGE_EVENTS.insert, { detail: JSON.stringify({ id, text, ticketId }) }));
  });
}
