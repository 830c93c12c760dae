import { describe, expect, it } from 'vitest';
import { z } from '../../../core/schema/zod';
import { snapshotFromRaw } from '../../../core/sources/raw-read';

const target = { source: 'zendesk', account: 'acme', kind: 'ticket', id: '5' } as const;
const ticket = { ticket: { id: 5, subject: 'Help', requester_id: 9 }, users: [{ id: 9, name: 'Ann', role: 'end-user' }], organizations: [] };

describe('snapshotFromRaw: the background validates what the content script read', () => {
  it('builds a snapshot from API answers', () => {
    const s = snapshotFromRaw({
      kind: 'zendesk-ticket',
      target,
      url: 'https://acme.zendesk.com/agent/tickets/5',
      api: { ticket, comments: [{ id: 1, author_id: 9, plain_body: 'hi', public: true }] },
    });
    expect(s).toMatchObject({ via: 'api', client: { name: 'Ann' }, conversation: [{ author: 'client', text: 'hi' }] });
  });
  it('says how many older comments were left unread, and reads anything odd there as none', () => {
    const read = (olderComments: unknown) =>
      snapshotFromRaw({
        kind: 'zendesk-ticket',
        target,
        url: 'u',
        api: { ticket, comments: [{ id: 1, author_id: 9, plain_body: 'hi', public: true }], olderComments },
      });
    expect(read(200).omitted).toEqual({ older: 200 });
    expect(read('some').omitted).toEqual({ older: 'some' });
    for (const odd of [0, -3, 1.5, '200', { n: 1 }, undefined]) expect(read(odd).omitted).toBeUndefined();
  });
  it('takes the conversation from the page when only the comments failed', () => {
    const s = snapshotFromRaw({
      kind: 'zendesk-ticket',
      target,
      url: 'u',
      api: { ticket, comments: null },
      dom: { ticketId: '5', messages: [{ sender: 'end-user', internal: false, text: 'from the page' }] },
    });
    expect(s.via).toBe('mixed');
    expect(s.conversation.map((m) => m.text)).toEqual(['from the page']);
  });
  it('drops a malformed optional extra but refuses a malformed ticket, saying where', () => {
    expect(
      snapshotFromRaw({ kind: 'zendesk-ticket', target, url: 'u', api: { ticket, comments: [], related: { user_related: 'lots' } } }).history.tickets,
    ).toBeUndefined();
    const bad = () => snapshotFromRaw({ kind: 'zendesk-ticket', target, url: 'u', api: { ticket: { ticket: { id: 5, subject: 'x' } }, comments: [] } });
    expect(bad).toThrow(z.core.$ZodError);
    expect(() => bad()).toThrow(/requester_id/);
    expect(() => snapshotFromRaw({ kind: 'evil', target, url: 'u' })).toThrow(z.core.$ZodError);
  });
  it('reads amoCRM from the card alone when the API refused', () => {
    const s = snapshotFromRaw({
      kind: 'amocrm',
      target: { source: 'amocrm', account: 'b.amocrm.ru', kind: 'ticket', id: '5001' },
      url: 'u',
      dom: { leadName: 'Deal', contactId: '6001', contactName: 'Алексей', feed: [{ direction: 'incoming', text: 'Привет' }] },
    });
    expect(s).toMatchObject({ via: 'dom', client: { externalId: 'contact:6001', name: 'Алексей' }, conversation: [{ author: 'client', text: 'Привет' }] });
  });
});
