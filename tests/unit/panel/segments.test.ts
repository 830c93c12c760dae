import { describe, expect, it } from 'vitest';
import { Segment } from '../../../core/pack/schema';
import { segmentFor } from '../../../core/segments';

const segs = [
  { id: 'everyone', name: { en: 'Everyone' }, priority: 3, firstReplyMinutes: 240 },
  {
    id: 'vip',
    name: { en: 'VIP list' },
    priority: 1,
    emails: ['ceo@bigcorp.com'],
    domains: ['partner.example'],
    phones: ['+79035550142'],
    tags: ['vip'],
    firstReplyMinutes: 15,
  },
  { id: 'top', name: { en: 'Top 20% by revenue' }, priority: 2, topRevenuePercent: 20, firstReplyMinutes: 60 },
].map((s) => Segment.parse(s));

describe('segmentFor', () => {
  it.each([
    [{ email: 'CEO@BigCorp.com', tags: [] }, 'vip', 'vip-email'],
    [{ phone: '8 903 555-01-42', tags: [] }, 'vip', 'vip-phone'],
    [{ email: 'a@eu.partner.example', tags: [] }, 'vip', 'vip-domain'],
    [{ tags: ['VIP'] }, 'vip', 'tag'],
    [{ tags: [], revenueRank: 0.05 }, 'top', 'top-revenue'],
    [{ tags: [], revenueRank: 0.5 }, 'everyone', 'everyone'],
    [{ tags: [] }, 'everyone', 'everyone'],
  ] as const)('%j → %s (%s)', (facts, id, reason) => {
    expect(segmentFor(facts, segs)).toMatchObject({ segment: { id }, reason });
  });
  it('gives no segment when the pack defines none that fits', () => {
    expect(
      segmentFor(
        { tags: [] },
        segs.filter((s) => s.id !== 'everyone'),
      ),
    ).toBeNull();
    expect(segmentFor({ tags: [] }, undefined)).toBeNull();
  });
});
