import { describe, expect, it } from 'vitest';
import { getAt, linesValue, numberValue, setAt, validateDraft } from '../../../components/options/draft';
import { pathString, readPack } from '../../../components/options/pack-guard';
import { markupIssues } from '../../../core/pack/markup';
import { formatPack } from '../../../core/pack/format';
import { fixturePack, packBytes, packText } from '../../doubles/fake-options-transport';

describe('draft paths', () => {
  it('sets a value deep inside a copy, creating parents, and leaves the original alone', () => {
    const draft = { id: 'a', types: { tester: { phrases: [{ id: 'p', lang: 'en', text: 'x' }] } } };
    const next = setAt(draft, ['types', 'tester', 'phrases', 0, 'text'], 'y');
    expect(getAt(next, ['types', 'tester', 'phrases', 0, 'text'])).toBe('y');
    expect(draft.types.tester.phrases[0]!.text).toBe('x');
    expect(setAt({}, ['name', 'en'], 'N')).toEqual({ name: { en: 'N' } });
    expect(setAt({}, ['segments', 0, 'id'], 'vip')).toEqual({ segments: [{ id: 'vip' }] });
  });

  it('clearing an optional value removes it, and the object it leaves empty', () => {
    expect(setAt({ id: 'a', description: { en: 'D' } }, ['description', 'en'], undefined)).toEqual({ id: 'a' });
    expect(setAt({ description: { en: 'D', ru: 'Д' } }, ['description', 'en'], undefined)).toEqual({ description: { ru: 'Д' } });
    expect(setAt({ types: { tester: { strategy: [] } } }, ['types', 'tester', 'strategy'], undefined)).toEqual({});
  });

  it('reads inputs: empty is "not set", a number stays a number, lines become a list', () => {
    expect(numberValue('')).toBeUndefined();
    expect(numberValue('-2.5')).toBe(-2.5);
    expect(linesValue(' a@b.c \n\n d@e.f ')).toEqual(['a@b.c', 'd@e.f']);
    expect(linesValue('\n')).toBeUndefined();
  });
});

describe('pack rules of the options page', () => {
  it('names the path of markup in any pack text, but not in examples (client conversations)', () => {
    const issues = markupIssues({
      name: { en: 'ok' },
      types: { tester: { boundaries: [{ ru: 'a <script>x</script>' }] } },
      examples: [{ messages: [{ text: '<b>pasted</b>' }] }],
    });
    expect(issues.map((i) => pathString(i.path))).toEqual(['types.tester.boundaries[0].ru']);
    expect(issues[0]!.message).toBe('contains HTML or script (<script>); pack texts must be plain text');
    expect(markupIssues({ a: 'a < b and c > d', b: '2 <3' })).toEqual([]);
    expect(markupIssues({ a: 'javascript:alert(1)' })).toHaveLength(1);
    // Any JSON a file held: walked without recursion.
    let deep: unknown = '<b>x</b>';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(markupIssues({ a: deep })).toHaveLength(1);
    expect(pathString(['segments', 0, 'emails', 2])).toBe('segments[0].emails[2]');
  });

  it('accepts the fixture pack as it is, and keeps it canonical', () => {
    const r = readPack(packBytes('acme-support.json'), 'default');
    expect(r.ok).toBe(true);
    expect(r.ok && formatPack(r.pack)).toBe(packText('acme-support.json'));
    expect(formatPack(fixturePack('acme-support-1.1.0.json'))).toBe(packText('acme-support-1.1.0.json'));
  });

  it('validates a draft with every issue and its path, and gives the parsed pack when there is none', () => {
    const good = JSON.parse(packText('acme-support.json'));
    const ok = validateDraft({ ...good, author: '  Lead  ' }, 'default');
    expect(ok.issues).toEqual([]);
    expect(ok.pack?.author).toBe('Lead');
    const bad = validateDraft({ ...good, version: 'one', languages: [] }, 'default');
    expect(bad.pack).toBeNull();
    expect(bad.issues.map((i) => i.path)).toEqual(['version', 'languages']);
  });
});
