import { describe, expect, it } from 'vitest';
import { ClientSnapshot, CUT_MARK, MAX_MESSAGES } from '../../../core/schema/snapshot';

const base = { source: 'zendesk', account: 'acme', via: 'api', capturedAt: '2026-03-01T10:00:00Z', client: { externalId: '7', name: 'Anna' } };

describe('page and API data is normalised, not refused', () => {
  it('cuts what is too long, with a mark, and keeps the client', () => {
    const s = ClientSnapshot.parse({
      ...base,
      client: { externalId: 7, name: 'N'.repeat(600), tags: Array.from({ length: 700 }, (_, i) => `t${i}`) },
      ticket: { id: 1201, subject: 'S'.repeat(1500) },
      conversation: [{ author: 'client', text: 'x'.repeat(250_000), public: true }],
    });
    expect(s.client.externalId).toBe('7');
    expect(s.client.name).toHaveLength(500);
    expect(s.client.name.endsWith(CUT_MARK)).toBe(true);
    expect(s.client.tags).toHaveLength(500);
    expect(s.ticket!.id).toBe('1201');
    expect(s.ticket!.subject).toHaveLength(1000);
    expect(s.conversation[0]!.text).toHaveLength(200_000);
    expect(s.conversation[0]!.text.endsWith(CUT_MARK)).toBe(true);
  });

  it('coerces what is written another way and drops what cannot be read', () => {
    const s = ClientSnapshot.parse({
      ...base,
      ticket: { id: '9', subject: 12345 },
      conversation: [
        { author: 'client', text: 'hello', public: 'yes', at: 'yesterday' },
        { author: 'robot', text: 'beep', public: true },
        { author: 'agent', text: 42, public: 0 },
      ],
      history: { tickets: '3', complaints: 'many', firstContactAt: 'long ago' },
      deal: { value: '1500', currency: 'RUB' },
      client: { externalId: '7', name: 'Anna', email: { not: 'text' }, fields: { plan: 'gold', weird: { a: 1 } } },
    });
    expect(s.ticket!.subject).toBe('12345');
    expect(s.conversation).toEqual([
      { author: 'client', text: 'hello', public: true },
      { author: 'agent', text: '42', public: false },
    ]);
    expect(s.history).toEqual({ tickets: 3 });
    expect(s.deal).toEqual({ value: 1500, currency: 'RUB' });
    expect(s.client.email).toBeUndefined();
    expect(s.client.fields).toEqual({ plan: 'gold' });
  });

  it('keeps the newest messages of a very long conversation', () => {
    const conversation = Array.from({ length: MAX_MESSAGES + 1000 }, (_, i) => ({ author: 'client', text: `m${i}`, public: true }));
    const s = ClientSnapshot.parse({ ...base, conversation });
    expect(s.conversation).toHaveLength(MAX_MESSAGES);
    expect(s.conversation.at(-1)!.text).toBe(`m${MAX_MESSAGES + 999}`);
  });

  it('still refuses a client it cannot identify', () => {
    expect(ClientSnapshot.safeParse({ ...base, client: { name: 'Anna' } }).success).toBe(false);
    expect(ClientSnapshot.safeParse({ ...base, client: { externalId: '  ', name: 'Anna' } }).success).toBe(false);
  });
});
