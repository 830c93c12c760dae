import { cut, type ClientSnapshot, type Message } from './schema/snapshot';

/*
 * A tab's state lives in `storage.session`, which holds about 10 MB for the whole browser. A snapshot kept
 * there is cut to what the panel needs: the newest messages up to a budget of characters, each message at most
 * MESSAGE_TEXT long (the classifier reads the client's newest thousand words; the agent reads the ticket in
 * the helpdesk). What was cut is counted in `omitted`, and the panel says so.
 */

/** Characters of one message kept for the panel. */
export const MESSAGE_TEXT = 20_000;
/** Characters of the conversation kept for one tab: dozens of tabs fit, whatever the tickets hold. */
export const CONVERSATION_TEXT = 250_000;
/** The helpdesk's custom fields and tags kept for one tab, in characters of text. */
const FIELDS_TEXT = 40_000;
const TAGS = 100;

/** The snapshot as kept for a tab: bounded in size, with what was left out added to `omitted`. */
export function compactSnapshot(s: ClientSnapshot): ClientSnapshot {
  let shortened = 0;
  let budget = CONVERSATION_TEXT;
  const kept: Message[] = [];
  // Newest first; the newest message is always kept.
  for (let i = s.conversation.length - 1; i >= 0; i--) {
    const m = s.conversation[i]!;
    const long = m.text.length > MESSAGE_TEXT;
    const text = long ? cut(m.text, MESSAGE_TEXT) : m.text;
    if (kept.length && text.length > budget) break;
    budget -= text.length;
    kept.push(long ? { ...m, text } : m);
    if (long) shortened++;
  }
  const dropped = s.conversation.length - kept.length;
  let fieldsLeft = FIELDS_TEXT;
  const fields = Object.fromEntries(Object.entries(s.client.fields).filter(([k, v]) => (fieldsLeft -= k.length + v.length) >= 0));
  const trimmedFields = Object.keys(fields).length < Object.keys(s.client.fields).length;
  if (!dropped && !shortened && !trimmedFields && s.client.tags.length <= TAGS && (s.ticket?.tags.length ?? 0) <= TAGS) return s;
  const before = s.omitted?.older;
  const older = dropped ? (typeof before === 'number' ? before + dropped : before === 'some' ? 'some' : dropped) : before;
  const allShortened = (s.omitted?.shortened ?? 0) + shortened;
  return {
    ...s,
    client: { ...s.client, fields, tags: s.client.tags.slice(0, TAGS) },
    ...(s.ticket ? { ticket: { ...s.ticket, tags: s.ticket.tags.slice(0, TAGS) } } : {}),
    conversation: kept.reverse(),
    omitted: { ...(older ? { older } : {}), ...(allShortened ? { shortened: allShortened } : {}) },
  };
}
