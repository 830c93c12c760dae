import { parseAmoDate } from '../../../../core/sources/amocrm/date';
import type { AmoFeedMessage } from '../../../../core/sources/amocrm/api';
import type { PageTarget } from '../../../../core/sources/page-target';
import { queryAllFirst, queryFirst, textOf } from '../dom-utils';
import { AMO } from './selectors';

/** The card's feed: chat messages (incoming/outgoing), oldest first. Notes and tasks count as system. */
export function readAmoFeed(root: ParentNode, now = new Date()): AmoFeedMessage[] {
  const feed = queryFirst(root, AMO.feedNotes);
  if (!feed) return [];
  return queryAllFirst(feed, AMO.feedItem).map((item) => {
    const note = item.querySelector('.feed-note');
    const cls = `${item.className} ${note?.className ?? ''}`;
    const paragraphs = queryAllFirst(item, AMO.feedParagraph).map(textOf);
    // Calls and notes carry incoming/outgoing classes too; only chat messages are the client's words.
    const isChat = AMO.chatItem.some((s) => item.matches(s)) || paragraphs.length > 0;
    const direction: AmoFeedMessage['direction'] = !isChat
      ? 'system'
      : /feed-note-incoming/.test(cls)
        ? 'incoming'
        : /feed-note-outgoing/.test(cls)
          ? 'outgoing'
          : 'system';
    const author = queryFirst(item, AMO.feedAuthor);
    return {
      direction,
      text: paragraphs.length ? paragraphs.join('\n') : textOf(queryFirst(item, AMO.feedBody)),
      author: author?.getAttribute('title') || textOf(author) || undefined,
      at: parseAmoDate(textOf(queryFirst(item, AMO.feedDate)), now),
    };
  });
}

/**
 * What the card shows of the client, for when the API is refused: on a lead card its main contact,
 * on a contact card the card's own fields.
 */
export function readAmoCard(doc: Document, kind: PageTarget['kind']) {
  const onContactCard = kind === 'user';
  const scope = onContactCard ? queryFirst(doc, AMO.contactCardForm) : queryFirst(doc, AMO.mainContact);
  const name = textOf(queryFirst(doc, AMO.leadName));
  return {
    leadName: name,
    status: textOf(queryFirst(doc, AMO.status)) || undefined,
    contactId: (scope && queryFirst<HTMLInputElement>(scope, AMO.contactId)?.value) || undefined,
    contactName: onContactCard ? name : scope ? textOf(queryFirst(scope, AMO.contactName)) : '',
    phone: (scope && textOf(queryFirst(scope, AMO.contactPhone))) || undefined,
    email: (scope && textOf(queryFirst(scope, AMO.contactEmail))) || undefined,
  };
}
