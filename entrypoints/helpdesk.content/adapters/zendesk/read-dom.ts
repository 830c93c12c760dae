import type { ZendeskDomRead } from '../../../../core/sources/zendesk/dom-read';
import { queryAllFirst, queryFirst, textOf } from '../dom-utils';
import { ZD, withId } from './selectors';

const userIdFrom = (href: string | null | undefined) => /\/agent\/users\/(\d+)/.exec(href ?? '')?.[1];

/** The mounted root of ticket `id`, or null while Zendesk has not rendered it. */
export function findTicketRoot(doc: Document, id: string): Element | null {
  return queryFirst(doc, withId(ZD.ticketRoot, id));
}

/** Reads ticket `id` from the page into plain data; `core` validates it. */
export function readZendeskDom(root: Element, ticketId: string): ZendeskDomRead {
  const messages = queryAllFirst(root, ZD.message).map((article) => {
    const bubble = queryFirst(article, ZD.messageBubble);
    const link = queryFirst<HTMLAnchorElement>(article, ZD.messageUserLink);
    return {
      sender: bubble?.getAttribute('type') ?? 'agent',
      internal: !!queryFirst(article, ZD.internalNoteTag) || bubble?.getAttribute('type') === 'internal',
      authorName: textOf(queryFirst(article, ZD.messageSender)) || undefined,
      authorId: userIdFrom(link?.getAttribute('href')),
      text: textOf(queryFirst(article, ZD.messageBody)),
      at: queryFirst(article, ZD.messageTime)?.getAttribute('datetime') ?? undefined,
    };
  });
  const requesterName = textOf(queryFirst(root, ZD.requesterName));
  return {
    ticketId,
    subject: textOf(queryFirst(root, ZD.subject)),
    requesterName,
    requesterId: messages.find((m) => m.sender === 'end-user' && m.authorId)?.authorId,
    status: textOf(queryFirst(root, ZD.status)) || undefined,
    tags: queryAllFirst(root, ZD.tags)
      .map((t) => textOf(t).replace(/\s*×\s*$/, ''))
      .filter(Boolean),
    messages,
  };
}
