import { describe, expect, it } from 'vitest';
import { profileFieldOf, profileFromHelpdesk } from '../../../core/profile-prefill';
import { makeSnapshot } from '../helpers';

describe('the profile fills from what the helpdesk knows', () => {
  it.each([
    ['city', 'region'],
    ['customer_region', 'region'],
    ['Город', 'region'],
    ['Населённый пункт', 'region'],
    ['gender', 'gender'],
    ['Пол', 'gender'],
    ['age', 'age'],
    ['Возраст клиента', 'age'],
    ['job_title', 'profession'],
    ['Должность', 'profession'],
    ['maritalStatus', 'familyStatus'],
    ['Семейное положение', 'familyStatus'],
    ['preferred_channel', 'channels'],
    ['hobbies', 'interests'],
  ])('%s → %s', (key, field) => expect(profileFieldOf(key)).toBe(field));

  it.each(['loyalty_tier', 'customer_since', 'lifetime_orders', 'page_views', 'Полис', 'usage', 'passage'])('%s is none of them', (key) => {
    expect(profileFieldOf(key)).toBeUndefined();
  });

  it('takes the ticket channel, the CRM position, the deal and the custom fields, first value winning', () => {
    const snap = makeSnapshot({
      client: {
        externalId: '1',
        name: 'Виктория',
        position: 'Бариста',
        fields: { city: 'Москва', preferred_channel: 'email', 'Город доставки': 'Тверь', loyalty_tier: 'gold' },
      },
      ticket: { id: '5', subject: 'x', channel: 'web' },
      deal: { value: 120000, currency: 'RUB' },
    });
    expect(profileFromHelpdesk(snap)).toEqual({ channels: 'web', profession: 'Бариста', averageCheck: '120000 RUB', region: 'Москва' });
  });
});
