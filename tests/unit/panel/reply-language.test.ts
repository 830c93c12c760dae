import { describe, expect, it } from 'vitest';
import { conversationLanguage, replyLanguage } from '../../../core/reply-language';

const client = (text: string) => ({ author: 'client' as const, text });
const agent = (text: string) => ({ author: 'agent' as const, text });

describe('the language of the conversation', () => {
  it("is the language of the client's own words", () => {
    expect(conversationLanguage({ messages: [client('Где мой заказ? Жду уже неделю.')] })).toBe('ru');
    expect(conversationLanguage({ messages: [client('Where is my order? I have been waiting a week.')] })).toBe('en');
    // Translit is Russian; the agent's words and quoted replies do not count.
    expect(conversationLanguage({ messages: [client('zdravstvuyte, gde moy zakaz, ya uzhe tretiy raz pishu')] })).toBe('ru');
    expect(conversationLanguage({ messages: [agent('Hello! How can I help you today?'), client('Здравствуйте, верните деньги')] })).toBe('ru');
    const quoted =
      'Деньги так и не пришли.\n\nOn Mon, 2 Mar 2026 at 10:00, Acme Support <help@acme.com> wrote:\n> We are very sorry for the delay, your refund is on its way and should arrive within five business days.';
    expect(conversationLanguage({ messages: [client(quoted)] })).toBe('ru');
  });

  it('is undecided for mixed or too few words', () => {
    expect(conversationLanguage({ messages: [client('ok')] })).toBeUndefined();
    expect(conversationLanguage({ messages: [client('Refund please. Верните деньги.')] })).toBeUndefined();
    expect(conversationLanguage({ messages: [agent('Hello')] })).toBeUndefined();
  });

  it("gives the agent's choice first, then the conversation's, then the panel's", () => {
    const ru = { messages: [client('Где мой заказ?')] };
    expect(replyLanguage(ru, undefined, 'en')).toEqual({ lang: 'ru', source: 'conversation' });
    expect(replyLanguage(ru, 'en', 'en')).toEqual({ lang: 'en', source: 'agent' });
    expect(replyLanguage({ messages: [client('ok')] }, undefined, 'ru')).toEqual({ lang: 'ru', source: 'ui' });
  });
});
