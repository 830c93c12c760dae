import { describe, expect, it } from 'vitest';
import { packIssues } from '../../../core/pack/pack-issues';
import { parsePack } from '../../../core/pack/parse';
import { describeIssue, pathIn, type Issue, type IssueWords } from '../../../core/schema/issue-text';
import { issueWordsEn } from '../../../core/schema/issue-words-en';
import { issueWordsRu } from '../../../core/schema/issue-words-ru';
import { didYouMean } from '../../../core/text/did-you-mean';
import { jsonBreak } from '../../../core/text/json-syntax';

const EN: IssueWords = { lang: 'en', words: issueWordsEn };
const RU: IssueWords = { lang: 'ru', words: issueWordsRu };
const line = (i: Issue, w: IssueWords) => `${pathIn(i.path, w)}: ${describeIssue(i, w)}`;
const team = (extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  id: 'acme',
  name: { en: 'ACME' },
  version: '1.0.0',
  author: 'Lead',
  languages: ['en'],
  ...extra,
});
const linesOf = (raw: unknown, w: IssueWords) => packIssues(raw).issues.map((i) => line(i, w));

describe('did you mean', () => {
  it('finds the key a lead meant: plurals, a typo, a case slip, a long shared start', () => {
    const typeKeys = ['name', 'summary', 'expects', 'strategy', 'boundaries', 'phrases', 'cues', 'signals', 'prior'];
    expect(['boundary', 'phrase', 'strategys', 'phrasez', 'Phrases', 'boundry', 'cue', 'signal', 'stratgey'].map((k) => didYouMean(k, typeKeys))).toEqual([
      'boundaries',
      'phrases',
      'strategy',
      'phrases',
      'phrases',
      'boundaries',
      'cues',
      'signals',
      'strategy',
    ]);
    expect(didYouMean('colour', typeKeys)).toBeUndefined();
    expect(didYouMean('x', ['id'])).toBeUndefined();
    expect(didYouMean('minimal-costs', ['minimal-cost', 'golden-rule'])).toBe('minimal-cost');
  });
});

describe('pack problems in the UI language, with their JSON path', () => {
  it('names a misspelled key and what it was meant to be, in English and Russian', () => {
    const raw = team({ types: { tester: { boundary: [], phrase: [], strategys: [] } } });
    expect(linesOf(raw, EN)).toEqual([
      'types.tester: unknown key "boundary"; did you mean "boundaries"?',
      'types.tester: unknown key "phrase"; did you mean "phrases"?',
      'types.tester: unknown key "strategys"; did you mean "strategy"?',
    ]);
    expect(linesOf(raw, RU)).toEqual([
      'types.tester: неизвестный ключ «boundary». Может быть, «boundaries»?',
      'types.tester: неизвестный ключ «phrase». Может быть, «phrases»?',
      'types.tester: неизвестный ключ «strategys». Может быть, «strategy»?',
    ]);
    // A key the object has already is not offered again; with no close key, the allowed ones are listed.
    expect(linesOf(team({ types: { tester: { boundaries: [], boundary: [] } } }), EN)).toEqual([
      'types.tester: unknown key "boundary"; allowed here: "name", "summary", "expects", "strategy", "boundaries", "phrases", "cues", "signals", "prior"',
    ]);
    expect(linesOf(team({ types: { testr: {} } }), RU)).toEqual(['types: неизвестный ключ «testr». Может быть, «tester»?']);
  });

  it('words zod’s own kinds of problem: wrong type, missing, too long, too many, out of range, not one of the allowed values', () => {
    const raw = team({
      version: 2,
      author: 'x'.repeat(201),
      companyStrategy: 'minimal-costs',
      types: { tester: { prior: 11, strategy: Array.from({ length: 21 }, () => ({ en: 'step' })), phrases: [{ id: 'p1', lang: 'en' }] } },
      segments: [{ id: 's', name: { en: 'S' }, priority: 1.5, emails: ['not-an-email'] }],
    });
    const en = linesOf(raw, EN);
    const ru = linesOf(raw, RU);
    expect(en).toEqual([
      'version: expected text, got a number',
      'author: must be at most 200 characters',
      'companyStrategy: must be one of "exceptional-advantage", "industrial-scale", "minimal-cost", "wow-exceed", "engagement-transparency", "damage-control", "tiered-vip", "just-below-competitors", "golden-rule"; did you mean "minimal-cost"?',
      'types.tester.strategy: must have at most 20 items',
      'types.tester.phrases[0].text: missing (expected text)',
      'types.tester.prior: must be at most 10',
      'segments[0].priority: expected a whole number',
      'segments[0].emails[0]: must be an email address',
    ]);
    expect(ru).toEqual([
      'version: ожидается текст, а не число',
      'author: не длиннее 200 символов',
      'companyStrategy: допустимые значения: «exceptional-advantage», «industrial-scale», «minimal-cost», «wow-exceed», «engagement-transparency», «damage-control», «tiered-vip», «just-below-competitors», «golden-rule». Может быть, «minimal-cost»?',
      'types.tester.strategy: в списке может быть не больше 20 элементов',
      'types.tester.phrases[0].text: не указано (ожидается текст)',
      'types.tester.prior: должно быть не больше 10',
      'segments[0].priority: ожидается целое число',
      'segments[0].emails[0]: нужен адрес электронной почты',
    ]);
  });

  it('words the problems the pack schema names itself, in both languages', () => {
    const raw = team({
      schemaVersion: 0,
      id: 'ACME Support',
      version: '1.0',
      types: {
        tester: {
          boundaries: [{}],
          phrases: [
            { id: 'p', lang: 'en', text: 'Hi {{client.nme}} <b>x</b>' },
            { id: 'p', lang: 'en', text: 'Hi' },
          ],
        },
      },
      segments: [
        { id: 'vip', name: { en: 'V' }, priority: 1, phones: ['8903'], domains: ['acme'] },
        { id: 'vip', name: { en: 'W' }, priority: 2 },
      ],
    });
    expect(linesOf(raw, EN)).toEqual([
      'schemaVersion: must be 1; this Tipazh reads packs of schema version 1',
      'id: must be lower-case letters, digits and dashes',
      'version: must be a semantic version such as 1.2.0',
      'types.tester.boundaries[0]: needs an "en" or a "ru" text',
      'types.tester.phrases[0].text: unknown variable {{client.nme}}: did you mean client.name?',
      'segments[0].phones[0]: must be a phone in E.164, e.g. +79035550142',
      'segments[0].domains[0]: must be a domain such as example.com',
      'segments[1].id: duplicate segment id "vip"',
      'types.tester.phrases[0].text: contains HTML or script (<b>); pack texts must be plain text',
    ]);
    expect(linesOf(raw, RU)).toEqual([
      'schemaVersion: должно быть 1: эта версия Типажа читает пакеты схемы версии 1',
      'id: только строчные латинские буквы, цифры и дефисы',
      'version: нужна версия вида 1.2.0 (семантическое версионирование)',
      'types.tester.boundaries[0]: нужен текст хотя бы на одном языке: «en» или «ru»',
      'types.tester.phrases[0].text: неизвестная переменная {{client.nme}}. Может быть, client.name?',
      'segments[0].phones[0]: нужен телефон в формате E.164, например +79035550142',
      'segments[0].domains[0]: нужен домен, например example.com',
      'segments[1].id: id сегмента «vip» повторяется',
      'types.tester.phrases[0].text: содержит HTML или скрипт (<b>): тексты пакета — только простой текст',
    ]);
    // The checks across the whole pack run once its parts are valid.
    const dup = team({
      types: {
        tester: {
          phrases: [
            { id: 'p', lang: 'en', text: 'Hi' },
            { id: 'p', lang: 'en', text: 'Yo' },
          ],
        },
      },
    });
    expect(linesOf(dup, EN)).toEqual(['types.tester.phrases[1].id: duplicate phrase id "p"']);
    expect(linesOf(dup, RU)).toEqual(['types.tester.phrases[1].id: id фразы «p» повторяется']);
  });

  it('leaves no English word in a Russian problem but keys, values and names in quotes', () => {
    const raw = team({
      schemaVersion: 1,
      description: 5,
      languages: [],
      types: { tester: { cues: [{ lang: 'de', text: '', weight: -11 }], signals: { foo: 1 }, boundary: 1 }, villain: {} },
      general: { phrases: 'hi' },
      lifecycle: { thresholds: { regularFromContacts: 0 } },
      serviceLevelRules: { vipTags: [''], bossFromDealValue: -1 },
      segments: [
        { id: 's', name: {}, priority: 7 },
        { id: 't', name: { en: 'T' }, priority: 2 },
        { id: 'u', name: { en: 'U' }, priority: 3 },
        { id: 'v', name: { en: 'V' }, priority: 4 },
        { id: 'w', name: { en: 'W' }, priority: 1 },
      ],
      examples: [{ id: 'c1', messages: [{ author: 'bot', text: 'x', at: 'yesterday' }] }],
      colour: 'red',
    });
    const ru = linesOf(raw, RU);
    expect(ru.length).toBeGreaterThan(12);
    const leftover = ru
      .map((l) =>
        l
          .slice(l.indexOf(': ') + 2)
          .replace(/«[^»]*»/g, '')
          .replace(/\{\{[^}]*\}\}/g, '')
          .replace(/\b(JSON|HTML|UTF-8|E\.164|URL|true|false|null|NaN|id|en|ru)\b/g, ''),
      )
      .filter((l) => /[a-z]{2,}/i.test(l));
    expect(leftover).toEqual([]);
  });
});

describe('where a JSON text breaks', () => {
  it('gives the line, the column and why, worded in either language', () => {
    const text = '{\n  "id": "acme",\n  "name": { "en": "ACME" },\n}\n';
    expect(jsonBreak(text)).toMatchObject({ line: 4, column: 1, problem: 'trailing-comma', found: '}' });
    const r = parsePack(text);
    expect(!r.ok && r.error).toBe('(root): not valid JSON: line 4, column 1: a comma before "}": remove it');
    expect(!r.ok && r.draft).toBeUndefined();
    expect(!r.ok && describeIssue(r.issues[0]!, RU)).toBe('это не JSON: строка 4, столбец 1: лишняя запятая перед «}»: уберите её');
    expect(jsonBreak('{"a": tru}')).toMatchObject({ column: 7, problem: 'unexpected', found: 'tru', expected: 'value' });
    expect(jsonBreak('{"a" 1}')).toMatchObject({ column: 6, expected: 'colon' });
    expect(jsonBreak("{'a': 1}")).toMatchObject({ problem: 'single-quote' });
    expect(jsonBreak('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9, problem: 'control' });
    expect(jsonBreak('{"a": "\\q"}')).toMatchObject({ problem: 'escape', found: '\\q' });
    expect(jsonBreak('{"a": 1} x')).toMatchObject({ expected: 'end', found: 'x' });
    expect(jsonBreak('{"schemaVersion": 1,\n')).toMatchObject({ line: 1, column: 21, problem: 'end' });
    expect(jsonBreak('{"a": [1, {"b": null}], "c": -1.5e3, "d": "\\u00e9\\n"}')).toBeNull();
  });

  it('is found in a hostile file without exhausting the stack, and such a file is not offered to the editor', () => {
    expect(jsonBreak('['.repeat(1_000_000))).toMatchObject({ problem: 'end' });
    const deep = `{"types": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const r = parsePack(deep.replace('{"types"', '{"schemaVersion": 1, "types"'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.draft).toBeUndefined();
  });

  it('a pack that parses but fails the schema comes back as a draft to fix; JSON that is not an object does not', () => {
    const r = parsePack(JSON.stringify(team({ types: { tester: { boundary: [] } } })));
    expect(!r.ok && r.draft).toMatchObject({ id: 'acme', types: { tester: { boundary: [] } } });
    const list = parsePack('[1, 2]');
    expect(!list.ok && list.error).toBe('(root): a pack is a JSON object ({ … }), not a list');
    expect(!list.ok && describeIssue(list.issues[0]!, RU)).toBe('пакет — это JSON-объект ({ … }), а здесь список');
    expect(!list.ok && list.draft).toBeUndefined();
  });
});
