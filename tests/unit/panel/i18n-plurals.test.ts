import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage, lang, t } from '../../../components/i18n';

afterEach(() => (lang.value = 'en'));

describe('plurals', () => {
  it('picks the form by Intl.PluralRules, in English and Russian', () => {
    const en = '{n, plural, one {# message} other {# messages}}';
    expect([0, 1, 2, 5].map((n) => formatMessage(en, { n }, 'en'))).toEqual(['0 messages', '1 message', '2 messages', '5 messages']);
    const ru = '{n, plural, one {# сообщение} few {# сообщения} many {# сообщений} other {# сообщения}}';
    expect([1, 2, 5, 11, 21, 22, 25, 1.5].map((n) => formatMessage(ru, { n }, 'ru'))).toEqual([
      '1 сообщение',
      '2 сообщения',
      '5 сообщений',
      '11 сообщений',
      '21 сообщение',
      '22 сообщения',
      '25 сообщений',
      '1.5 сообщения',
    ]);
  });

  it("fills the panel's counted strings", () => {
    expect(t('ticket.messages', { n: 1 })).toBe('1 message');
    expect(t('signal.questions', { raw: 1 })).toBe('1 question');
    expect(t('phrases.more', { n: 1 })).toBe('1 more phrase');
    expect(t('ev.cueRepeated', { quote: 'refund', n: 3 })).toBe('said “refund” (3 times)');
    lang.value = 'ru';
    expect(t('ticket.messages', { n: 2 })).toBe('2 сообщения');
    expect(t('ticket.messages', { n: 5 })).toBe('5 сообщений');
    expect(t('signal.questions', { raw: 21 })).toBe('21 вопрос');
    expect(t('phrases.more', { n: 6 })).toBe('Ещё 6 фраз');
    // Reasons read as words, not as arrows and numbers.
    expect(t('reason.regular-contacts', { contacts: 4 })).toBe('уже 4 обращения, значит, клиент постоянный');
    expect(t('reason.former-gap', { days: 200 })).toBe('последний контакт 200 дней назад');
    expect(t('ev.cue', { quote: 'верните деньги' })).toBe('в письме: «верните деньги»');
    lang.value = 'en';
    expect(t('reason.regular-contacts', { contacts: 4 })).toBe('4 contacts so far, so a regular client');
  });
});
