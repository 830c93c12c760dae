import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../core/backup/export';
import { BACKUP_VERSION } from '../../../core/backup/format';
import { readBackup } from '../../../core/backup/read-backup';
import { applyRestore, planRestore } from '../../../core/backup/restore';
import { parseNeverRecordText } from '../../../core/privacy';
import { addCorrection } from '../../../core/store/corrections';
import { addTag } from '../../../core/store/dossier-edits';
import { addNote, recordVisit } from '../../../core/store/dossiers';
import { setNeverRecord } from '../../../core/store/never-record';
import { installPack } from '../../../core/store/packs';
import { StrategyPack } from '../../../core/pack/schema';
import { freshDatabases, makeSnapshot, storedVisits } from '../helpers';

const fresh = freshDatabases('integrity');
const KEY = 'zendesk:acme:42';
const read = (text: string) => readBackup(text, () => {});

/** A real export: two dossiers with visits, notes, a correction, tags (audit), a small team pack, the never-record list. */
async function exported(): Promise<string> {
  const db = fresh();
  await recordVisit(db, makeSnapshot(), 1_770_000_000_000);
  await recordVisit(db, makeSnapshot({ ticket: { id: '2', subject: 'Другое' } }), 1_770_000_100_000);
  await recordVisit(db, makeSnapshot({ client: { externalId: '7', name: 'Анна Ким', email: 'anna@corp.example' } }), 1_770_000_200_000);
  await addNote(db, KEY, 'Prefers calls after 19:00 — не писать в выходные', 1_770_000_300_000);
  await addCorrection(db, { clientKey: KEY, from: 'unknown', to: 'tester', stems: ['bug', 'crash'] }, 1_770_000_400_000);
  await addTag(db, KEY, 'beta', 'you');
  const pack = StrategyPack.parse({
    schemaVersion: 1,
    id: 'team',
    name: { en: 'Team' },
    version: '1.0.0',
    author: 'Lead',
    languages: ['en'],
    types: { tester: { prior: 1 } },
  });
  await installPack(db, pack, { kind: 'file', name: 'team.json' }, { now: 1_770_000_500_000 });
  await setNeverRecord(db, parseNeverRecordText('vip@example.com'));
  return exportBackup(db, { settings: { lang: 'en' }, now: 1_770_000_600_000 });
}

/** The file as the options page reads it after one change on disk: bytes decoded as UTF-8, bad bytes replaced. */
const decoded = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('a backup carries a digest of its content, checked before anything else', () => {
  it('refuses every single-bit flip of a real exported backup, at every bit of every byte', async () => {
    const text = await exported();
    expect((await read(text)).ok).toBe(true);
    const bytes = new TextEncoder().encode(text);
    const accepted: string[] = [];
    const refusedBy: Record<string, number> = {};
    for (let i = 0; i < bytes.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const flipped = bytes.slice();
        flipped[i]! ^= 1 << bit;
        const r = await read(decoded(flipped));
        if (r.ok) accepted.push(`byte ${i} bit ${bit}: …${decoded(bytes.subarray(Math.max(0, i - 12), i + 12))}…`);
        else refusedBy[r.integrity ?? 'parser'] = (refusedBy[r.integrity ?? 'parser'] ?? 0) + 1;
      }
    }
    expect(accepted).toEqual([]);
    // Nearly all by the digest; the parser refuses the flips that break the digest's own field into something
    // that is not JSON (a flip that leaves valid JSON there is refused as a missing digest).
    expect(refusedBy.mismatch).toBeGreaterThan(bytes.length * 8 * 0.95);
  }, 120_000);

  it('refuses every character changed to a look-alike (a digit to the next, a letter to the next), which keeps the JSON valid', async () => {
    const text = await exported();
    const next = (c: string) => (/[0-8a-yA-Y]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 1) : c === '9' ? '0' : c === 'z' ? 'a' : undefined);
    const accepted: string[] = [];
    let changed = 0;
    for (let i = 0; i < text.length; i++) {
      const c = next(text[i]!);
      if (!c) continue;
      changed++;
      const r = await read(text.slice(0, i) + c + text.slice(i + 1));
      if (r.ok) accepted.push(`at ${i}: …${text.slice(Math.max(0, i - 12), i)}[${text[i]}→${c}]${text.slice(i + 1, i + 12)}…`);
    }
    expect(changed).toBeGreaterThan(1500);
    expect(accepted).toEqual([]);
  }, 120_000);

  it('says the file was changed after it was written, before reading its records', async () => {
    const text = await exported();
    const at = text.indexOf('"visitCount":') + '"visitCount":'.length;
    const r = await read(text.slice(0, at) + '9' + text.slice(at + 1));
    expect(r).toMatchObject({ ok: false, integrity: 'mismatch' });
    expect(!r.ok && r.error).toMatch(/^the file’s digest does not match its content: it was changed or damaged after it was written/);
  });

  it('a phantom visit (one id changed) is refused, not added with "nothing is duplicated"', async () => {
    const text = await exported();
    const good = await read(text);
    if (!good.ok) throw new Error(good.error);
    const id = good.backup.data.visits[0]!.id;
    const phantom = text.replace(`"id":"${id}"`, `"id":"${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}"`);
    expect(phantom).not.toBe(text);
    expect(await read(phantom)).toMatchObject({ ok: false, integrity: 'mismatch' });
  });

  it('refuses a file of this version whose digest is missing or not as Tipazh writes it', async () => {
    const text = await exported();
    const m = /,"digest":"sha256:([0-9a-f]{64})"\}$/.exec(text);
    expect(m).not.toBeNull();
    const body = text.slice(0, m!.index) + '}';
    for (const broken of [
      body,
      text.replace(',"digest":"sha256:', ',"digest":"SHA256:'),
      text.replace(m![1]!, m![1]!.toUpperCase()),
      text.replace(',"digest"', ',"digesu"'),
    ]) {
      const r = await read(broken);
      expect(r).toMatchObject({ ok: false, integrity: 'missing' });
      expect(!r.ok && r.error).toMatch(/^the file has no digest/);
    }
    // Trailing white space (an editor's final newline) is not content.
    expect((await read(`${text}\n`)).ok).toBe(true);
  });

  it('still restores an older backup (version 1, no digest), saying it has no integrity check', async () => {
    const text = await exported();
    const old = JSON.parse(text);
    delete old.digest;
    old.version = 1;
    const r = await read(JSON.stringify(old));
    expect(r).toMatchObject({ ok: true, integrity: 'absent' });
    const dst = fresh();
    if (!r.ok) throw new Error(r.error);
    expect((await planRestore(dst, r.backup)).add.clients).toBe(2);
    await applyRestore(dst, r.backup);
    expect(await storedVisits(dst)).toHaveLength(3);
    // A version 1 file that does carry a digest is held to it.
    const signedOld = text.replace(`"version":${BACKUP_VERSION}`, '"version":1');
    expect(await read(signedOld)).toMatchObject({ ok: false, integrity: 'mismatch' });
    expect(await read(text)).toMatchObject({ ok: true, integrity: 'verified' });
  });
});
