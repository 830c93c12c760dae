import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_PACK_PATH, readDefaultPack } from '../../../core/pack/node-default';
import { formatPack } from '../../../core/pack/format';
import { BUILTIN_PACK_ID } from '../../../core/pack/parse';
import { phraseVariables } from '../../../core/phrases';
import { CLIENT_TYPES, COMPANY_STRATEGIES, LANGS, LIFECYCLE_STAGES, SERVICE_LEVELS } from '../../../core/taxonomy';
import type { LocText } from '../../../core/pack/schema';

const pack = readDefaultPack();
const KNOWN_VARS = new Set([
  'client.firstName',
  'client.name',
  'client.email',
  'client.organization',
  'agent.firstName',
  'agent.name',
  'ticket.id',
  'ticket.subject',
]);
const bothLangs = (t: LocText | undefined) => !!t?.en && !!t?.ru;

describe('the built-in strategy pack', () => {
  it('has the id core knows it by (a backup may not restore a team pack with it)', () => {
    expect(pack.id).toBe(BUILTIN_PACK_ID);
  });

  it('is valid and complete for every type, in both languages', () => {
    for (const type of CLIENT_TYPES) {
      const s = pack.types?.[type];
      expect(s, type).toBeDefined();
      for (const field of [s!.name, s!.summary, s!.expects]) expect(bothLangs(field), type).toBe(true);
      expect(s!.strategy!.length).toBeGreaterThanOrEqual(4);
      expect(s!.boundaries!.length).toBeGreaterThanOrEqual(4);
      expect([...s!.strategy!, ...s!.boundaries!].every(bothLangs)).toBe(true);
      for (const lang of LANGS) {
        expect(s!.phrases!.filter((p) => p.lang === lang).length, `${type} ${lang} phrases`).toBeGreaterThanOrEqual(6);
      }
      // Words are the trained model's (public/models/types.json): the built-in pack sets no cues or weights of its own.
      expect(s!.cues, type).toBeUndefined();
      expect(s!.signals, type).toBeUndefined();
    }
  });

  it('has what applies to any client, for when the type does not show yet, in both languages', () => {
    const g = pack.general!;
    expect(g.strategy!.length).toBeGreaterThanOrEqual(3);
    expect(g.boundaries!.length).toBeGreaterThanOrEqual(3);
    expect([...g.strategy!, ...g.boundaries!].every(bothLangs)).toBe(true);
    for (const lang of LANGS) expect(g.phrases!.filter((p) => p.lang === lang).length, lang).toBeGreaterThanOrEqual(4);
  });

  it('describes every service level, lifecycle stage and company strategy', () => {
    for (const id of SERVICE_LEVELS) expect([pack.serviceLevels?.[id]?.name, pack.serviceLevels?.[id]?.task].every(bothLangs), id).toBe(true);
    for (const id of LIFECYCLE_STAGES) expect([pack.lifecycle?.stages?.[id]?.name, pack.lifecycle?.stages?.[id]?.task].every(bothLangs), id).toBe(true);
    for (const id of COMPANY_STRATEGIES) {
      expect(bothLangs(pack.companyStrategies?.[id]?.name), id).toBe(true);
      expect(pack.companyStrategies?.[id]?.goodwill, id).toBeDefined();
    }
  });

  it('has unique phrase ids and uses only known variables', () => {
    const ids = CLIENT_TYPES.flatMap((t) => pack.types![t]!.phrases!.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of CLIENT_TYPES)
      for (const p of pack.types![t]!.phrases!) for (const v of phraseVariables(p.text)) expect(KNOWN_VARS.has(v), `${p.id}: ${v}`).toBe(true);
  });

  it('is stored in canonical form: formatPack(parse(file)) is the file, byte for byte', () => {
    const text = readFileSync(DEFAULT_PACK_PATH, 'utf8');
    expect(formatPack(pack)).toBe(text);
  });
});
