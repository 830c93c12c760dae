import { describe, expect, it } from 'vitest';
import { z } from '../../../core/schema/zod';
import { ZdComment, ZdTicketResponse, htmlToText, zendeskApiToSnapshot } from '../../../core/sources/zendesk/api';
import { zendeskDomToSnapshot } from '../../../core/sources/zendesk/dom-read';

const ticket = ZdTicketResponse.parse({
  ticket: {
    id: 35436,
    subject: 'Заказ не доставлен',
    status: 'open',
    requester_id: 38156690120011,
    organization_id: 509974,
    tags: ['delivery', 'vip'],
    via: { channel: 'email' },
    satisfaction_rating: { score: 'unoffered' },
    custom_fields: [{ id: 1, value: null }],
  },
  users: [
    {
      id: 38156690120011,
      name: 'Виктория Лебедева',
      email: 'v.lebedeva@example.ru',
      role: 'end-user',
      organization_id: 509974,
      tags: ['blogger'],
      phone: '+79161234567',
    },
    { id: 900, name: 'Анна Смирнова', email: 'anna@acme.test', role: 'agent' },
  ],
  organizations: [{ id: 509974, name: 'ООО Северный ветер' }],
});

const comments = [
  { id: 1, author_id: 38156690120011, plain_body: 'Где мой заказ?', body: 'x', public: true, created_at: '2026-03-01T10:00:00Z' },
  { id: 2, author_id: 900, html_body: '<div class="zd-comment"><p>Проверяю &amp; отвечу</p></div>', public: true, created_at: '2026-03-01T10:05:00Z' },
  { id: 3, author_id: 900, body: 'Внутренняя заметка', public: false, created_at: '2026-03-01T10:06:00Z', metadata: { via: { channel: 'web' } } },
];

describe('zendeskApiToSnapshot', () => {
  it('builds the client, ticket and conversation from the API', () => {
    const s = zendeskApiToSnapshot(
      {
        account: 'acme',
        ticket,
        comments: comments.map((c) => ZdComment.parse(c)),
        related: { user_related: { requested_tickets: 7 } },
        requested: {
          tickets: [
            { ...ticket.ticket, satisfaction_rating: { score: 'good' }, created_at: '2025-01-01T00:00:00Z' },
            { ...ticket.ticket, status: 'solved', satisfaction_rating: { score: 'bad' } },
          ],
        },
        me: { user: { name: 'Анна Смирнова' } },
      },
      new Date('2026-03-02T00:00:00Z'),
    );
    expect(s.client).toMatchObject({
      externalId: '38156690120011',
      name: 'Виктория Лебедева',
      email: 'v.lebedeva@example.ru',
      organization: 'ООО Северный ветер',
      phone: '+79161234567',
    });
    expect(s.ticket).toMatchObject({ id: '35436', subject: 'Заказ не доставлен', status: 'open', channel: 'email', tags: ['delivery', 'vip'] });
    expect(s.conversation.map((m) => [m.author, m.public, m.text])).toEqual([
      ['client', true, 'Где мой заказ?'],
      ['agent', true, 'Проверяю & отвечу'],
      ['agent', false, 'Внутренняя заметка'],
    ]);
    expect(s.history).toMatchObject({ tickets: 7, openTickets: 1, satisfactionGood: 1, satisfactionBad: 1, firstContactAt: '2025-01-01T00:00:00Z' });
    expect(s.agent?.name).toBe('Анна Смирнова');
    expect(s.via).toBe('api');
  });

  it('refuses a ticket whose requester cannot be identified', () => {
    expect(() => ZdTicketResponse.parse({ ticket: { id: 1, subject: 'x' } })).toThrow(z.core.$ZodError);
  });

  it('turns html bodies into text', () => {
    expect(htmlToText('<p>a<br>b</p><p>&lt;img&gt;</p>')).toBe('a\nb\n<img>');
  });
});

describe('zendeskDomToSnapshot', () => {
  it('reads the client from what the page shows', () => {
    const s = zendeskDomToSnapshot(
      {
        ticketId: '1202',
        subject: 'App crashes',
        requesterName: 'Daniel Okafor',
        tags: ['bug'],
        messages: [
          { sender: 'end-user', internal: false, authorName: 'Daniel Okafor', authorId: '555', text: ' Steps: 1. open ', at: '2026-03-01T10:00:00Z' },
          { sender: 'agent', internal: true, authorName: 'Ann', text: 'note', at: 'yesterday' },
        ],
      },
      'acme',
    );
    expect(s.client).toMatchObject({ externalId: '555', name: 'Daniel Okafor' });
    expect(s.conversation).toEqual([
      { author: 'client', authorName: 'Daniel Okafor', text: 'Steps: 1. open', at: '2026-03-01T10:00:00.000Z', public: true },
      { author: 'agent', authorName: 'Ann', text: 'note', at: undefined, public: false },
    ]);
    expect(s.via).toBe('dom');
  });

  it('falls back to the name as an id when the page has no user link', () => {
    const s = zendeskDomToSnapshot({ ticketId: '1', requesterName: 'Megan Price', messages: [] }, 'acme');
    expect(s.client.externalId).toBe('name:megan price');
  });

  it('refuses a page with no client at all', () => {
    expect(() => zendeskDomToSnapshot({ ticketId: '1', messages: [] }, 'acme')).toThrow(z.core.$ZodError);
  });
});
