import { describe, expect, it } from 'vitest';
import { lifecycleStage } from '../../../core/lifecycle';
import { serviceLevel } from '../../../core/service-level';
import { StrategyPack } from '../../../core/pack/schema';
import { vipOf } from '../../../core/vip';

const DAY = 86_400_000;
const now = Date.parse('2026-06-01T00:00:00Z');

describe('lifecycleStage', () => {
  it.each([
    [{ history: {}, now }, 'potential', 'no-contact'],
    [{ history: { tickets: 1 }, now }, 'visitor', 'first-contact'],
    [{ history: { tickets: 1, purchases: 1 }, now }, 'first-buyer', 'first-purchase'],
    [{ history: { tickets: 2 }, now }, 'regular', 'regular-contacts'],
    [{ history: { tickets: 1 }, ticketsSeen: 3, now }, 'regular', 'regular-contacts'],
    [{ history: { tickets: 6, satisfactionBad: 1, satisfactionGood: 2 }, now }, 'adherent', 'adherent-ratings'],
    [{ history: { tickets: 6 }, previousContactAt: now - 200 * DAY, now }, 'former', 'former-gap'],
  ] as const)('%j → %s', (facts, stage, reason) => {
    expect(lifecycleStage(facts)).toMatchObject({ stage, reason });
  });

  it('says why: "2nd contact → regular"', () => {
    expect(lifecycleStage({ history: { tickets: 2 }, now }).vars).toEqual({ contacts: 2 });
  });

  it('takes its thresholds from the pack', () => {
    const pack = StrategyPack.parse({
      schemaVersion: 1,
      id: 'p',
      name: { en: 'p' },
      version: '1.0.0',
      author: 'a',
      languages: ['en'],
      lifecycle: { thresholds: { regularFromContacts: 3, formerAfterDays: 30 } },
    });
    expect(lifecycleStage({ history: { tickets: 2 }, now }, pack).stage).toBe('visitor');
    expect(lifecycleStage({ history: { tickets: 9 }, previousContactAt: now - 40 * DAY, now }, pack).stage).toBe('former');
  });
});

describe('serviceLevel', () => {
  const base = { source: 'zendesk' as const, visits: 1 };
  /** The VIP state (`vipOf`) of a client with these helpdesk tags. */
  const vipTagged = (tags: string[], pack?: StrategyPack) => vipOf({ helpdeskTags: tags, tags: [], flag: false }, pack);
  it('puts VIP clients first, then big deals, then B2B, else online default', () => {
    expect(serviceLevel({ ...base, vip: vipTagged(['VIP']) })).toMatchObject({ level: 'lion-king', reason: 'vip' });
    expect(serviceLevel({ ...base, organization: 'ООО Ромашка' })).toMatchObject({ level: 'passer-by', reason: 'b2b' });
    expect(serviceLevel(base)).toMatchObject({ level: 'phantom', reason: 'online-default' });
  });
  it('follows the pack rules and the agent override', () => {
    const pack = StrategyPack.parse({
      schemaVersion: 1,
      id: 'p',
      name: { en: 'p' },
      version: '1.0.0',
      author: 'a',
      languages: ['en'],
      serviceLevelRules: { default: 'family', bossFromDealValue: 1_000_000, vipTags: ['gold'] },
    });
    expect(serviceLevel({ ...base, dealValue: 2_000_000, organization: 'X' }, pack)).toMatchObject({ level: 'boss', reason: 'deal-value' });
    expect(serviceLevel({ ...base, vip: vipTagged(['gold'], pack) }, pack).level).toBe('lion-king');
    // The pack's VIP tags add to the built-in "vip" tag; a first visit of anyone else gets the business's usual class.
    expect(serviceLevel({ ...base, vip: vipTagged(['vip'], pack) }, pack)).toMatchObject({ level: 'lion-king', reason: 'vip' });
    expect(serviceLevel({ ...base, vip: vipTagged(['silver'], pack) }, pack)).toMatchObject({ level: 'family', reason: 'pack-default' });
    expect(serviceLevel({ ...base, visits: 7 }, pack)).toMatchObject({ level: 'family', reason: 'family-visits' });
    expect(serviceLevel({ ...base, override: 'boss' }, pack)).toMatchObject({ level: 'boss', reason: 'override' });
  });
});
