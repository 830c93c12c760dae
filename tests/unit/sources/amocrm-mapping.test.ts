import { describe, expect, it } from 'vitest';
import { createRateLimiter, SKIPPED } from '../../../core/net/rate-limit';
import { AmoCompany, AmoContact, AmoLead, AmoNotes, amoToSnapshot, fieldValues, parseAmoDate } from '../../../core/sources/amocrm/api';
import { amoDomToSnapshot } from '../../../core/sources/amocrm/dom-read';

const contact = AmoContact.parse({
  id: 7001,
  name: 'Иван Петров',
  created_at: 1700000000,
  custom_fields_values: [
    { field_id: 1, field_name: 'Телефон', field_code: 'PHONE', field_type: 'multitext', values: [{ value: '+7 903 555-01-42', enum_code: 'WORK' }] },
    { field_id: 2, field_name: 'Email', field_code: 'EMAIL', field_type: 'multitext', values: [{ value: 'Ivan@Example.ru', enum: 'WORK' }] },
  ],
  _embedded: { tags: [{ id: 1, name: 'опт' }], leads: [{ id: 1 }, { id: 2 }], companies: [{ id: 9 }] },
});
const lead = AmoLead.parse({
  id: 5001,
  name: 'Поставка кофемашин',
  price: 480000,
  status_id: 142,
  _embedded: { contacts: [{ id: 7001, is_main: true }], tags: [{ id: 2, name: 'VIP', color: null }] },
});
const company = AmoCompany.parse({ id: 9, name: 'ООО Кофе', custom_fields_values: null });

describe('amoToSnapshot', () => {
  it('takes the main contact as the client, the lead as the ticket, chats from the feed', () => {
    const s = amoToSnapshot({
      account: 'acme.amocrm.ru',
      entity: 'lead',
      lead,
      contact,
      company,
      notes: AmoNotes.parse({
        _embedded: {
          notes: [
            { id: 1, note_type: 'common', created_at: 1700000100, params: { text: 'Клиент просил скидку' } },
            { id: 2, note_type: 'call_in', params: {} },
          ],
        },
      }),
      feed: [
        { direction: 'incoming', text: 'Где мой заказ?', author: 'Иван' },
        { direction: 'outgoing', text: 'Проверяю', author: 'Мария' },
        { direction: 'system', text: 'Этап изменён' },
      ],
      agentName: 'Мария Кузнецова',
      statusText: 'Успешно реализовано',
    });
    expect(s.client).toMatchObject({
      externalId: 'contact:7001',
      name: 'Иван Петров',
      email: 'ivan@example.ru',
      phone: '+7 903 555-01-42',
      organization: 'ООО Кофе',
      tags: ['опт'],
    });
    expect(s.ticket).toMatchObject({ id: '5001', subject: 'Поставка кофемашин', status: 'Успешно реализовано', tags: ['VIP'] });
    expect(s.deal).toEqual({ value: 480000 });
    expect(s.history).toMatchObject({ tickets: 2, purchases: 1 });
    expect(s.conversation.map((m) => [m.author, m.public, m.text])).toEqual([
      ['client', true, 'Где мой заказ?'],
      ['agent', true, 'Проверяю'],
      ['agent', false, 'Клиент просил скидку'],
    ]);
  });

  it('reads multitext fields by field_code, with enum_code or enum', () => {
    expect(fieldValues(contact.custom_fields_values, 'EMAIL')).toEqual(['Ivan@Example.ru']);
    expect(fieldValues(contact.custom_fields_values, 'WEB')).toEqual([]);
  });

  it('reads a card from the page when the API is refused', () => {
    const s = amoDomToSnapshot(
      { leadName: 'Поставка', contactId: '7001', contactName: 'Иван Петров', email: 'IVAN@example.ru', feed: [{ direction: 'incoming', text: 'Алло' }] },
      { source: 'amocrm', account: 'acme.amocrm.ru', kind: 'ticket', id: '5001' },
    );
    expect(s).toMatchObject({ via: 'dom', client: { externalId: 'contact:7001', email: 'ivan@example.ru' }, ticket: { id: '5001', subject: 'Поставка' } });
  });
});

describe('parseAmoDate', () => {
  const now = new Date(2026, 10, 22, 15, 0);
  it.each([
    ['21.11.2026 14:05', new Date(2026, 10, 21, 14, 5)],
    ['Сегодня 10:12', new Date(2026, 10, 22, 10, 12)],
    ['Today 10:12PM', new Date(2026, 10, 22, 22, 12)],
    ['Вчера 09:00', new Date(2026, 10, 21, 9, 0)],
  ])('%s', (text, want) => expect(parseAmoDate(text, now)).toBe(want.toISOString()));
  it('gives up on text it cannot read', () => expect(parseAmoDate('на прошлой неделе', now)).toBeUndefined());
});

describe('createRateLimiter', () => {
  it('starts at most N calls in any one-second window', async () => {
    let now = 0;
    const waits: number[] = [];
    const schedule = createRateLimiter(
      2,
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    const starts: number[] = [];
    await Promise.all([1, 2, 3, 4, 5].map(() => schedule(async () => void starts.push(now))));
    expect(starts).toEqual([0, 0, 1000, 1000, 2000]);
    expect(waits).toEqual([1000, 1000]);
  });
  it('spends no slot on a call no longer wanted when its turn comes', async () => {
    let now = 0;
    const schedule = createRateLimiter(
      1,
      () => now,
      async (ms) => void (now += ms),
    );
    const starts: number[] = [];
    const gone = new Set([2, 3]);
    const answers = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        schedule(
          async () => (starts.push(now), i),
          () => gone.has(i),
        ),
      ),
    );
    expect(answers).toEqual([1, SKIPPED, SKIPPED, 4]);
    expect(starts).toEqual([0, 1000]);
  });
  it('keeps going after a failed call', async () => {
    const schedule = createRateLimiter(5);
    await expect(
      schedule(async () => {
        throw new Error('x');
      }),
    ).rejects.toThrow('x');
    await expect(schedule(async () => 1)).resolves.toBe(1);
  });
});
