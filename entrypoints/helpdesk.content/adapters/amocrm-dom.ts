import type { AmoFeedMessage } from '../../../core/sources/amocrm-api';
import { parseAmoDate } from '../../../core/sources/amocrm-api';
import { queryAllFirst, queryFirst, textOf } from './dom-utils';
import { AMO } from './amocrm-selectors';

/** The card's feed: chat messages (incoming/outgoing), oldest first. Notes and tasks count as system. */
export function readAmoFeed(root: ParentNode, now = new Date()): AmoFeedMessage[] {
  const feed = queryFirst(root, AMO.feedNotes);
  if (!feed) return [];
  return queryAllFirst(feed, AMO.feedItem).map((item) => {
    const note = item.querySelector('.feed-note');
    const cls = `${item.className} ${note?.className ?? ''}`;
    const direction: AmoFeedMessage['direction'] = /feed-note-incoming/.test(cls) ? 'incoming' : /feed-note-outgoing/.test(cls) ? 'outgoing' : 'system';
    const paragraphs = queryAllFirst(item, AMO.feedParagraph).map(textOf);
    const author = queryFirst(item, AMO.feedAuthor);
    return {
      direction,
      text: paragraphs.length ? paragraphs.join('\n') : textOf(queryFirst(item, AMO.feedBody)),
      author: author?.getAttribute('title') || textOf(author) || undefined,
      at: parseAmoDate(textOf(queryFirst(item, AMO.feedDate)), now),
    };
  });
}

/** What a lead card shows of its main contact, for when the API is refused. */
export function readAmoCard(doc: Document) {
  const contact = queryFirst(doc, AMO.mainContact);
  return {
    leadName: textOf(queryFirst(doc, AMO.leadName)),
    status: textOf(queryFirst(doc, AMO.status)) || undefined,
    contactId: (contact && queryFirst<HTMLInputElement>(contact, AMO.contactId)?.value) || undefined,
    contactName: contact ? textOf(queryFirst(contact, AMO.contactName)) : '',
    phone: (contact && textOf(queryFirst(contact, AMO.contactPhone))) || undefined,
    email: (contact && textOf(queryFirst(contact, AMO.contactEmail))) || undefined,
  };
}
