import { afterEach, describe, expect, it } from 'vitest';
import { diffPacks } from '../../../core/pack/diff';
import { formatPack } from '../../../core/pack/format';
import { layerPacks, sourceOf } from '../../../core/pack/merge';
import { readDefaultPack } from '../../../core/pack/node-default';
import { parsePack } from '../../../core/pack/parse';
import { StrategyPack, type StrategyPackInput } from '../../../core/pack/schema';
import { compareVersions } from '../../../core/pack/semver';
import { TipazhDb } from '../../../core/store/db';
import { acceptUpdate, effectiveOf, installPack, listPacks, movePack, offerUpdate, setPackEnabled } from '../../../core/store/packs';

const team = (over: Partial<StrategyPackInput> = {}): StrategyPack =>
  StrategyPack.parse({
    schemaVersion: 1,
    id: 'acme',
    name: { en: 'ACME support', ru: 'Поддержка ACME' },
    version: '1.0.0',
    author: 'Lead',
    languages: ['en'],
    types: { extortionist: { phrases: [{ id: 'acme-ext-1', lang: 'en', text: 'Our policy allows {{ticket.id}}.' }] } },
    ...over,
  });
const errorOf = (text: string) => {
  const r = parsePack(text);
  return r.ok ? '' : r.error;
};

describe('parsePack: bad input gets a message with the JSON path', () => {
  it.each([
    ['invalid JSON', '{"schemaVersion": 1,', /not valid JSON/],
    ['a wrong type', JSON.stringify({ ...team(), version: 2 }), /^version: /m],
    ['an unknown key, with its path', JSON.stringify({ ...team(), types: { tester: { phrasez: [] } } }), /types\.tester: .*phrasez/],
    ['a future schema version', JSON.stringify({ ...team(), schemaVersion: 9 }), /schemaVersion: this pack needs a newer Tipazh/],
    ['10 MB of text', JSON.stringify({ ...team(), description: { en: 'x'.repeat(10_000_000) } }), /at most 2 MB/],
    ['an unknown type id', JSON.stringify({ ...team(), types: { villain: {} } }), /types: .*villain/],
    [
      'a bad cue weight',
      JSON.stringify({ ...team(), types: { tester: { cues: [{ lang: 'en', text: 'bug', weight: 99 }] } } }),
      /types\.tester\.cues\[0\]\.weight/,
    ],
  ])('%s', (_name, text, want) => {
    expect(errorOf(text)).toMatch(want);
  });

  /** `path: unknown key "key"`, with the keys allowed there when they are few, and nothing else. */
  const unknownKey = (path: string, key: string) => new RegExp(`^${path.replace(/\./g, '\\.')}: unknown key "${key}"(; allowed here: "[^\n]*")?$`);
  // JSON.parse makes "__proto__" an own key; zod's record skips it without a word, so it must be refused first.
  const small = JSON.stringify(team()).slice(0, -1);
  it.each([
    ['types', '"types": {"__proto__": {"prior": 5}}', unknownKey('types', '__proto__')],
    ['types, next to a known type', '"types": {"tester": {"prior": 1}, "__proto__": {"prior": 5}}', unknownKey('types', '__proto__')],
    ["a type's signals", '"types": {"tester": {"signals": {"__proto__": 1}}}', unknownKey('types.tester.signals', '__proto__')],
    ['serviceLevels', '"serviceLevels": {"__proto__": {}}', unknownKey('serviceLevels', '__proto__')],
    ['lifecycle stages', '"lifecycle": {"stages": {"__proto__": {}}}', unknownKey('lifecycle.stages', '__proto__')],
    ['companyStrategies', '"companyStrategies": {"__proto__": {}}', unknownKey('companyStrategies', '__proto__')],
    [
      "a company strategy's advice",
      '"companyStrategies": {"minimal-cost": {"advice": {"__proto__": {"en": "x"}}}}',
      unknownKey('companyStrategies.minimal-cost.advice', '__proto__'),
    ],
    ['types: constructor', '"types": {"constructor": {}}', unknownKey('types', 'constructor')],
    ['types: prototype', '"types": {"prototype": {}}', unknownKey('types', 'prototype')],
    ['signals: constructor', '"types": {"tester": {"signals": {"constructor": 1}}}', unknownKey('types.tester.signals', 'constructor')],
    [
      'advice: an unknown type',
      '"companyStrategies": {"minimal-cost": {"advice": {"villain": {"en": "x"}}}}',
      unknownKey('companyStrategies.minimal-cost.advice', 'villain'),
    ],
  ])('refuses a "__proto__", "constructor", "prototype" or unknown key in %s, with its path', (_where, extra, want) => {
    expect(errorOf(`${small}, ${extra}}`)).toMatch(want);
  });

  it('refuses five priority levels with a clear message', () => {
    const segments = [1, 2, 3, 4].map((p) => ({ id: `p${p}`, name: { en: `P${p}` }, priority: p }));
    expect(errorOf(JSON.stringify({ ...team(), segments }))).toBe('');
    const five = [...segments, { id: 'p5', name: { en: 'P5' }, priority: 5 }];
    expect(errorOf(JSON.stringify({ ...team(), segments: five }))).toMatch(/segments\[4\]\.priority/);
  });

  it('refuses HTML or script in pack texts, naming the path (examples may quote it)', () => {
    expect(errorOf(JSON.stringify(team({ types: { tester: { phrases: [{ id: 'x', lang: 'en', text: 'Hi <img src=x onerror=alert(1)>' }] } } })))).toMatch(
      /types\.tester\.phrases\[0\]\.text: contains HTML or script/,
    );
    expect(errorOf(JSON.stringify(team({ description: { en: 'see javascript:alert(1)' } })))).toMatch(/description\.en/);
    const withExample = team({ examples: [{ id: 'e1', label: 'tester', messages: [{ author: 'client', text: 'the page shows <b>bold</b> raw' }] }] });
    expect(errorOf(JSON.stringify(withExample))).toBe('');
  });
});

describe('formatPack', () => {
  it('is canonical: format(parse(format(x))) === format(x), whatever the key order of the input', () => {
    const messy = {
      types: team().types,
      version: '1.0.0',
      id: 'acme',
      author: 'Lead',
      name: { ru: 'Поддержка ACME', en: 'ACME support' },
      languages: ['en'],
      schemaVersion: 1,
    };
    const once = formatPack(messy as StrategyPack);
    const r = parsePack(once);
    expect(r.ok && formatPack(r.pack)).toBe(once);
    expect(once.indexOf('"schemaVersion"')).toBeLessThan(once.indexOf('"id"'));
  });
});

describe('layering', () => {
  it('overrides only the parts a team pack defines, and says where each part came from', () => {
    const eff = layerPacks([readDefaultPack(), team()]);
    expect(eff.pack.types?.extortionist?.phrases?.map((p) => p.id)).toEqual(['acme-ext-1']);
    expect(eff.pack.types?.extortionist?.strategy?.length).toBeGreaterThan(3);
    expect(eff.pack.types?.tester?.phrases?.length).toBeGreaterThan(10);
    expect(sourceOf(eff, 'types.extortionist.phrases')).toBe('acme');
    expect(sourceOf(eff, 'types.extortionist.strategy')).toBe('default');
    expect(sourceOf(eff, 'types.tester.phrases')).toBe('default');
  });

  it('adds a team pack’s cues to a lower pack’s and re-weights a cue with the same text', () => {
    const first = { lang: 'en' as const, text: 'store credit', weight: 2 };
    const lower = team({ id: 'region', types: { extortionist: { cues: [first, { lang: 'ru', text: 'подарок', weight: 1 }] } } });
    const eff = layerPacks([
      readDefaultPack(),
      lower,
      team({
        types: {
          extortionist: {
            cues: [
              { lang: 'en', text: 'goodwill voucher please', weight: 1.5 },
              { ...first, weight: 0 },
            ],
          },
        },
      }),
    ]);
    const cues = eff.pack.types!.extortionist!.cues!;
    expect(cues.length).toBe(3);
    expect(cues.find((c) => c.text === 'goodwill voucher please')?.weight).toBe(1.5);
    expect(cues.find((c) => c.text === first.text && c.lang === first.lang)?.weight).toBe(0);
  });
});

describe('installed packs', () => {
  let db: TipazhDb;
  afterEach(async () => db?.delete());

  it('installs, refuses to overwrite silently, layers in order, and can be switched off', async () => {
    db = new TipazhDb(`k-${Math.random()}`);
    expect((await installPack(db, team(), { kind: 'file', name: 'acme.json' })).status).toBe('installed');
    expect((await installPack(db, team({ version: '1.1.0' }), { kind: 'file', name: 'acme.json' })).status).toBe('exists');
    expect((await listPacks(db))[0]!.pack.version).toBe('1.0.0');
    await installPack(db, team({ id: 'night', types: { extortionist: { phrases: [{ id: 'night-1', lang: 'en', text: 'Night shift.' }] } } }), {
      kind: 'file',
      name: 'n.json',
    });
    const builtin = readDefaultPack();
    expect(effectiveOf(builtin, await listPacks(db)).pack.types?.extortionist?.phrases?.[0]?.id).toBe('night-1');
    await movePack(db, 'night', -1);
    expect(effectiveOf(builtin, await listPacks(db)).pack.types?.extortionist?.phrases?.[0]?.id).toBe('acme-ext-1');
    await setPackEnabled(db, 'acme', false);
    expect(effectiveOf(builtin, await listPacks(db)).pack.types?.extortionist?.phrases?.[0]?.id).toBe('night-1');
  });

  it('offers a newer URL version and applies it only when accepted', async () => {
    db = new TipazhDb(`k-${Math.random()}`);
    await installPack(db, team(), { kind: 'url', url: 'https://packs.example.com/acme.json' });
    expect(await offerUpdate(db, 'acme', team())).toBe('same');
    expect(await offerUpdate(db, 'acme', team({ version: '1.2.0' }))).toBe('newer');
    expect((await db.packs.get('acme'))?.pack.version).toBe('1.0.0');
    await acceptUpdate(db, 'acme');
    expect((await db.packs.get('acme'))?.pack.version).toBe('1.2.0');
    await expect(offerUpdate(db, 'acme', team({ id: 'other' }))).rejects.toThrow(/serves pack "other"/);
  });
});

describe('diff and versions', () => {
  it('lists what changed between two versions', () => {
    expect(diffPacks(team(), team({ version: '1.1.0', companyStrategy: 'minimal-cost' })).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'changed version',
      'added companyStrategy',
    ]);
  });
  it('orders semantic versions', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0-beta.1', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
  });
});
