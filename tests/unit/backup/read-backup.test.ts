import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES } from '../../../core/backup/format';
import { parseBackup, readBackup } from '../../../core/backup/read-backup';
import { planRestore } from '../../../core/backup/restore';
import { realisticBackup, signed } from '../../support/backup-file';
import { freshDatabases } from '../helpers';

const NOW = Date.parse('2026-11-01T12:00:00Z');
const fresh = freshDatabases('read');
// 1,000 dossiers: 2,500 visits, more than one slice of records checked at a time.
const { backup, text } = await realisticBackup({ clients: 1000, now: NOW });
const records = BACKUP_TABLES.reduce((n, t) => n + backup.data[t].length, 0);
const rising = (seen: [number, number][], total: number) => seen.every(([d, t], i) => t === total && d > (seen[i - 1]?.[0] ?? 0));

describe('reading a backup file with progress', () => {
  it('reads what parseBackup reads, reporting records checked up to all of them and pausing between slices', async () => {
    const seen: [number, number][] = [];
    let pauses = 0;
    const r = await readBackup(text, (done, total) => seen.push([done, total]), { every: 0, pause: async () => void pauses++ });
    expect(r).toEqual(await parseBackup(text));
    expect(r.ok && r.backup).toEqual(backup);
    // A report for each slice of 2,000 records of each table.
    expect(seen.length).toBe(BACKUP_TABLES.reduce((n, t) => n + Math.ceil(backup.data[t].length / 2000), 0));
    expect(rising(seen, records)).toBe(true);
    expect(seen.at(-1)).toEqual([records, records]);
    expect(pauses).toBe(seen.length);
  });

  it('pauses only once its share of work is done', async () => {
    let pauses = 0;
    await readBackup(text, () => {}, { every: 60_000, pause: async () => void pauses++ });
    expect(pauses).toBe(0);
  });

  it('says where a record is wrong, counting from the start of its table, not of the slice checked', async () => {
    const data = JSON.parse(text);
    data.data.visits[2345].at = 'yesterday';
    const r = await readBackup(await signed(data), () => {});
    expect(!r.ok && r.error).toMatch(/^data\.visits\[2345\]\.at: /);
    data.data.visits[2345].at = 1;
    data.data.notes = { not: 'a list' };
    const notes = await parseBackup(await signed(data));
    expect(!notes.ok && notes.error).toMatch(/^data\.notes: /);
  });

  it('drops fields a record does not have, as the full schema does', async () => {
    const data = JSON.parse(text);
    data.data.visits[2200].injected = '<img src=x onerror=alert(1)>';
    const r = await parseBackup(await signed(data));
    expect(r.ok && 'injected' in r.backup.data.visits[2200]!).toBe(false);
  });
});

describe('planning a restore with progress', () => {
  it('reports rows compared up to all of them, pausing now and then', async () => {
    const seen: [number, number][] = [];
    let pauses = 0;
    const plan = await planRestore(fresh(), backup, (done, total) => seen.push([done, total]), { every: 0, pause: async () => void pauses++ });
    const compared = records - backup.data.persons.length;
    expect(plan.add.clients).toBe(1000);
    expect(rising(seen, compared)).toBe(true);
    expect(seen.at(-1)).toEqual([compared, compared]);
    expect(pauses).toBe(seen.length);
  });
});
