import { describe, expect, it } from 'vitest';
import { StrategyPack } from '../../../core/pack/schema';
import { indexedClient } from '../../../core/store/indexed-client';
import { searchClients } from '../../../core/store/search';
import { SearchIndex } from '../../../core/store/search-index';
import { helpdeskTagsAfter } from '../../../core/store/helpdesk-tags';
import { vipFactsOf, vipOf, type VipFacts } from '../../../core/vip';
import { makeSnapshot, numberedClient } from '../helpers';

const nobody: VipFacts = { helpdeskTags: [], tags: [], flag: false };
const pack = StrategyPack.parse({
  schemaVersion: 1,
  id: 'team',
  name: { en: 'Team' },
  version: '1.0.0',
  author: 'a',
  languages: ['en'],
  serviceLevelRules: { vipTags: ['gold'] },
  segments: [
    { id: 'top', name: { en: 'Top' }, priority: 2, topRevenuePercent: 20 },
    { id: 'b2b', name: { en: 'Partners' }, priority: 3, tags: ['partner'] },
    { id: 'crown', name: { en: 'Crown' }, priority: 1, tags: ['crown'], serviceLevel: 'lion-king' },
    { id: 'list', name: { en: 'VIP list' }, priority: 1, emails: ['ceo@bigcorp.com'], phones: ['+79035550142'], domains: ['partner.example'] },
  ],
});

describe('vipOf: one VIP state, with its source', () => {
  it.each([
    ['a helpdesk tag "vip" (any case)', { ...nobody, helpdeskTags: ['VIP'] }, { source: 'helpdesk', tag: 'VIP' }],
    ['a helpdesk tag the pack names', { ...nobody, helpdeskTags: ['Gold'] }, { source: 'helpdesk', tag: 'Gold' }],
    ["the team's VIP tag, as team sync writes it", { ...nobody, helpdeskTags: ['tipazh_vip'] }, { source: 'helpdesk', tag: 'tipazh_vip' }],
    ['an email on the pack’s VIP list', { ...nobody, email: 'CEO@BigCorp.com' }, { source: 'pack', segment: 'list', by: 'email', value: 'ceo@bigcorp.com' }],
    ['a phone on it, written with a trunk 8', { ...nobody, phone: '8 903 555-01-42' }, { source: 'pack', segment: 'list', by: 'phone', value: '+79035550142' }],
    ['a domain on it', { ...nobody, email: 'a@eu.partner.example' }, { source: 'pack', segment: 'list', by: 'domain', value: 'eu.partner.example' }],
    ['a tag of a segment served as Lion King', { ...nobody, helpdeskTags: ['crown'] }, { source: 'pack', segment: 'crown', by: 'tag', value: 'crown' }],
    ['the agent’s mark', { ...nobody, flag: true }, { source: 'agent', by: 'flag' }],
    ['the agent’s own "vip" tag', { ...nobody, tags: ['Vip'] }, { source: 'agent', by: 'tag', tag: 'Vip' }],
    ['Lion King set by hand', { ...nobody, levelOverride: 'lion-king' }, { source: 'agent', by: 'lion-king' }],
  ] as const)('%s', (_what, facts, reason) => expect(vipOf(facts, pack)).toEqual(reason));

  it('is not made by a segment that is not a VIP list or Lion King, by revenue, or by nothing', () => {
    expect(vipOf({ ...nobody, helpdeskTags: ['partner'] }, pack)).toBeNull();
    expect(vipOf({ ...nobody, levelOverride: 'boss' }, pack)).toBeNull();
    expect(vipOf(nobody, pack)).toBeNull();
    expect(vipOf({ ...nobody, helpdeskTags: ['gold'] }, undefined)).toBeNull();
  });

  it('names the helpdesk first, then the pack, then the agent, whichever else also holds', () => {
    expect(vipOf({ helpdeskTags: ['vip'], tags: ['vip'], flag: true, email: 'ceo@bigcorp.com' }, pack)?.source).toBe('helpdesk');
    expect(vipOf({ helpdeskTags: [], tags: [], flag: true, email: 'ceo@bigcorp.com' }, pack)?.source).toBe('pack');
  });

  it('reads the helpdesk tags of the client and of the ticket; a page read keeps the earlier ones, an API read replaces them', () => {
    const snap = makeSnapshot({ client: { externalId: '42', name: 'M', tags: ['loyal'] }, ticket: { id: '1', subject: 's', tags: ['vip'] } });
    expect(vipOf(vipFactsOf(undefined, snap), undefined)).toEqual({ source: 'helpdesk', tag: 'vip' });
    expect(helpdeskTagsAfter(['gold'], snap)).toEqual(['loyal', 'vip']);
    expect(helpdeskTagsAfter(['gold'], { ...snap, via: 'dom' })).toEqual(['gold', 'loyal', 'vip']);
    const record = { ...numberedClient(1), helpdeskTags: ['vip'], email: 'x@y.example' };
    expect(vipFactsOf(record)).toMatchObject({ helpdeskTags: ['vip'], flag: false, email: 'x@y.example' });
  });

  it('is what the client list shows and finds by "vip", for every source', () => {
    const index = new SearchIndex();
    const put = (i: number, over: Parameters<typeof numberedClient>[1]) => index.put(indexedClient(numberedClient(i, over), pack));
    put(1, { name: 'Tagged In Zendesk', helpdeskTags: ['VIP'] });
    put(2, { name: 'On The List', email: 'ceo@bigcorp.com' });
    put(3, { name: 'Marked By Agent', vip: true });
    put(4, { name: 'Crowned', tags: ['crown'] });
    put(5, { name: 'Ordinary Partner', helpdeskTags: ['partner'] });
    const found = searchClients(index, 'vip').map((c) => [c.name, c.vip]);
    expect(found).toEqual([
      ['Crowned', 'pack'],
      ['Marked By Agent', 'agent'],
      ['On The List', 'pack'],
      ['Tagged In Zendesk', 'helpdesk'],
    ]);
    expect(searchClients(index, 'ordinary')[0]?.vip).toBeUndefined();
  });
});
