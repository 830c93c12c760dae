import { readShippedModel } from '../../../core/classifier/node-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../core/backup/export';
import { applyRestore } from '../../../core/backup/restore';
import { parseBackup } from '../../../core/backup/read-backup';
import { classify } from '../../../core/classifier/classify';
import { formatPack } from '../../../core/pack/format';
import { readDefaultPack } from '../../../core/pack/node-default';
import { parsePack } from '../../../core/pack/parse';
import { ClientSnapshot } from '../../../core/schema/snapshot';
import { snapshotFromRaw } from '../../../core/sources/raw-read';
import { TipazhDb } from '../../../core/store/db';
import { addNote, recordVisit } from '../../../core/store/dossiers';
import { TypeVerdict } from '../../../core/taxonomy';
import { makeSnapshot } from '../helpers';
import { signed } from '../../support/backup-file';

/** Replaces one value somewhere inside a JSON value with another random JSON value. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (!path.length || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (!entries.length) return replacement;
  const [head, ...rest] = path;
  const idx = head! % entries.length;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  const [k, v] = entries[idx]!;
  copy[k] = mutate(v, rest, replacement);
  return copy;
}
const mutation = fc.tuple(fc.array(fc.nat(50), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }));

const rawTicket = {
  kind: 'zendesk-ticket',
  target: { source: 'zendesk', account: 'acme', kind: 'ticket', id: '5' },
  url: 'https://acme.zendesk.com/agent/tickets/5',
  api: {
    ticket: {
      ticket: { id: 5, subject: 'Help', requester_id: 9, tags: ['a'] },
      users: [{ id: 9, name: 'Ann', role: 'end-user', email: 'a@b.co' }],
      organizations: [],
    },
    comments: [{ id: 1, author_id: 9, plain_body: 'I want compensation now!', public: true, created_at: '2026-03-01T10:00:00Z' }],
    related: { user_related: { requested_tickets: 3 } },
  },
  dom: { ticketId: '5', requesterName: 'Ann', messages: [{ sender: 'end-user', internal: false, text: 'hi' }] },
};

describe('fuzzing (fast-check)', () => {
  it('page reads: a mutated or random read gives a valid snapshot or a clear refusal, never anything else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutation.map(([p, r]) => mutate(rawTicket, p, r)),
          fc.jsonValue(),
        ),
        (raw) => {
          let snap: unknown;
          try {
            snap = snapshotFromRaw(raw);
          } catch (e) {
            expect(e).toBeInstanceOf(Error);
            return;
          }
          expect(ClientSnapshot.safeParse(snap).success).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('pack import: never throws; whatever it accepts formats canonically', () => {
    const base = JSON.parse(formatPack(readDefaultPack()));
    fc.assert(
      fc.property(
        fc.oneof(
          mutation.map(([p, r]) => JSON.stringify(mutate(base, p, r))),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const r = parsePack(text);
          if (!r.ok) {
            expect(r.error.length).toBeGreaterThan(0);
            return;
          }
          const once = formatPack(r.pack);
          const again = parsePack(once);
          expect(again.ok && formatPack(again.pack)).toBe(once);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('classifier: any conversation gives probabilities in [0,1] that sum to 1', () => {
    const pack = readDefaultPack();
    const model = readShippedModel();
    const message = fc.record({
      author: fc.constantFrom('client', 'agent', 'bot', 'system'),
      text: fc.oneof(
        fc.string({ maxLength: 400 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.constantFrom('СРОЧНО!!!', 'не срочно', 'кoмпенсaция', 'promo code?', ''),
      ),
      at: fc.option(
        fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
        { nil: undefined },
      ),
      public: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 30 }),
        fc.record({ tickets: fc.nat(1000), complaints: fc.nat(100) }, { requiredKeys: [] }),
        (messages, history) => {
          const r = classify({ messages, history }, { model, pack });
          const values = Object.values(r.probabilities);
          expect(values).toHaveLength(8);
          for (const p of values) expect(p >= 0 && p <= 1).toBe(true);
          expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          expect(TypeVerdict.safeParse(r.type).success).toBe(true);
          expect(r.confidence).toBe(r.probabilities[r.type]);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('backup restore: a mutated or truncated backup restores whole or changes nothing', async () => {
    const src = new TipazhDb(`fz-src-${Math.random()}`);
    await recordVisit(src, makeSnapshot(), 1);
    await recordVisit(src, makeSnapshot({ client: { externalId: '2', name: 'Bea', email: 'bea@x.io' } }), 2);
    await addNote(src, 'zendesk:acme:42', 'note', 3);
    const text = await exportBackup(src);
    const base = JSON.parse(text);
    const dst = new TipazhDb(`fz-dst-${Math.random()}`);
    await recordVisit(dst, makeSnapshot({ client: { externalId: '9', name: 'Local' } }), 5);
    const dump = async () => JSON.stringify(await Promise.all(['clients', 'notes', 'persons'].map((t) => dst.table(t).toArray())));
    await fc.assert(
      // A mutated file is signed again (as if written so), so that its records are what is checked; a truncated one is not.
      fc.asyncProperty(
        fc.oneof(
          mutation.map(
            ([p, r]) =>
              () =>
                signed(mutate(base, p, r) as object),
          ),
          fc.nat(text.length).map((n) => async () => text.slice(0, n)),
        ),
        async (candidate) => {
          const parsed = await parseBackup(await candidate());
          if (!parsed.ok) return;
          const before = await dump();
          try {
            await applyRestore(dst, parsed.backup);
          } catch {
            expect(await dump()).toBe(before);
          }
        },
      ),
      { numRuns: 150 },
    );
    await src.delete();
    await dst.delete();
  });
});
