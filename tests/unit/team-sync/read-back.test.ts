import { describe, expect, it } from 'vitest';
import { analyze } from '../../../core/analysis';
import { readShippedModel } from '../../../core/classifier/node-model';
import { readDefaultPack } from '../../../core/pack/node-default';
import { packIssues } from '../../../core/pack/pack-issues';
import { describeIssue, pathIn, type IssueWords } from '../../../core/schema/issue-text';
import { issueWordsEn } from '../../../core/schema/issue-words-en';
import { issueWordsRu } from '../../../core/schema/issue-words-ru';
import { segmentFor } from '../../../core/segments';
import { teamSyncSettings } from '../../../core/team-sync/settings';
import { segmentTeamTag, typeTagsIn } from '../../../core/team-tags';
import { vipOf } from '../../../core/vip';
import { makeSnapshot } from '../helpers';

const model = readShippedModel();
const builtin = readDefaultPack();
const EN: IssueWords = { lang: 'en', words: issueWordsEn };
const RU: IssueWords = { lang: 'ru', words: issueWordsRu };
const team = (teamSync: unknown) => ({ schemaVersion: 1, id: 'acme', name: { en: 'ACME' }, version: '1.0.0', author: 'Lead', languages: ['en'], teamSync });
const lines = (raw: unknown, w: IssueWords) => packIssues(raw).issues.map((i) => `${pathIn(i.path, w)}: ${describeIssue(i, w)}`);

describe('the pack’s teamSync section', () => {
  it('takes the four keys and defaults the rest: off, tipazh_, type and VIP, no ticket tags', () => {
    expect(lines(team({ enabled: true, prefix: 'acme_', write: ['type', 'segment'], ticketTags: true }), EN)).toEqual([]);
    expect(teamSyncSettings(undefined, undefined)).toEqual({
      enabled: false,
      decidedBy: 'default',
      prefix: 'tipazh_',
      write: { type: true, vip: true, segment: false },
      ticketTags: false,
    });
    expect(teamSyncSettings({ enabled: true }, { enabled: false })).toMatchObject({ enabled: false, decidedBy: 'agent' });
    expect(teamSyncSettings({ enabled: true }, {})).toMatchObject({ enabled: true, decidedBy: 'pack' });
  });

  it('refuses a prefix a helpdesk would not keep, and an unknown part, saying where, in both languages', () => {
    const bad = team({ prefix: 'Team-', write: ['type', 'notes'], enable: true });
    expect(lines(bad, EN)).toEqual([
      expect.stringMatching(/^teamSync\.prefix: must start with a lower-case letter and hold only lower-case letters, digits and underscores/),
      expect.stringMatching(/^teamSync\.write\[1\]: /),
      expect.stringMatching(/^teamSync: unknown key "enable"; did you mean "enabled"\?/),
    ]);
    expect(lines(bad, RU)[0]).toMatch(/должен начинаться со строчной латинской буквы/);
  });
});

describe('the team’s tags read back', () => {
  const segment = { id: 'key-accounts', name: { en: 'Key accounts' }, priority: 1, tags: ['enterprise'], serviceLevel: 'lion-king' as const };

  it('a segment tag puts the client in that segment, and a Lion King segment’s tag makes a VIP', () => {
    const tag = segmentTeamTag('key-accounts');
    expect(tag).toBe('tipazh_seg_key_accounts');
    expect(segmentFor({ tags: [tag] }, [segment])?.segment.id).toBe('key-accounts');
    expect(segmentFor({ tags: ['acme_seg_key_accounts'], teamPrefix: 'acme_' }, [segment])?.reason).toBe('tag');
    expect(segmentFor({ tags: ['tipazh_seg_other'] }, [segment])).toBeNull();
    const pack = { ...builtin, segments: [segment] };
    expect(vipOf({ helpdeskTags: [tag], tags: [], flag: false }, pack)).toEqual({ source: 'pack', segment: 'key-accounts', by: 'tag', value: tag });
  });

  it('reads the pack’s own prefix for the type and VIP tags', () => {
    const pack = { ...builtin, teamSync: { prefix: 'acme_' } };
    const snap = makeSnapshot({ client: { externalId: '42', name: 'Megan', tags: ['acme_complainer', 'acme_vip'] } });
    const a = analyze(snap, undefined, { model, pack });
    expect(a.team?.types).toEqual(['complainer']);
    expect(a.vip).toEqual({ source: 'helpdesk', tag: 'acme_vip' });
    expect(typeTagsIn(['acme_complainer', 'vip', 'ACME_TESTER'], 'acme_')).toEqual(['acme_complainer', 'ACME_TESTER']);
  });
});

describe('what team sync wants', () => {
  it('Tipazh’s own segment tag does not keep the client in the segment: the pack’s own rule must still hold', async () => {
    const { wantedTags } = await import('../../../core/team-sync/plan');
    const { numberedClient } = await import('../helpers');
    const segment = { id: 'key-accounts', name: { en: 'Key accounts' }, priority: 1, tags: ['enterprise'] };
    const pack = { ...builtin, segments: [segment] };
    const s = teamSyncSettings({ enabled: true, write: ['type', 'segment'] }, undefined);
    const confirmed = { typeConfirmed: { type: 'tester' as const, at: 1 } };
    expect(wantedTags(numberedClient(1, { ...confirmed, helpdeskTags: ['enterprise'] }), pack, s)).toEqual(['tipazh_tester', 'tipazh_seg_key_accounts']);
    expect(wantedTags(numberedClient(1, { ...confirmed, helpdeskTags: ['tipazh_seg_key_accounts'] }), pack, s)).toEqual(['tipazh_tester']);
  });
});
