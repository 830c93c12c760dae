import { BACKUP_FORMAT, BACKUP_KEYS, BACKUP_TABLES, BACKUP_VERSION, type Backup, type BackupTable } from '../../core/backup/format';
import { withDigest } from '../../core/backup/digest';
import { parseBackup } from '../../core/backup/read-backup';
import type { AuditRecord, ClientRecord, CorrectionRecord, NoteRecord, PersonRecord, VisitRecord } from '../../core/store/db';
import { identitiesOf, isStoredPerson } from '../../core/store/persons';
import { CLIENT_TYPES, LIFECYCLE_STAGES, SERVICE_LEVELS } from '../../core/taxonomy';
import { generateClients, noteRecord, visitRecords } from './seed';

const DAY = 86_400_000;
const STEMS = ['скидк', 'компенс', 'срочн', 'refund', 'crash', 'bug', 'wait', 'deliver', 'заказ', 'возврат', 'manag', 'промокод', 'again', 'broken', 'жалоб'];

export interface BackupShape {
  /** How many dossiers: the generated clients 0…n-1 (the same keys in every file, so files overlap). */
  clients: number;
  /** The same timestamp for every file that should overlap. */
  now: number;
  /**
   * `local`: what another browser kept of the same clients: its own person ids, its own visits and notes, and
   * dossiers that are newer (every 4th: a conflict to ask about) or older (every 4th + 1: the backup wins).
   */
  local?: boolean;
}

/** A dossier's history: 1–4 visits, every 5th with two notes, every 20th corrected by the agent. */
function history(c: ClientRecord, i: number, now: number, local: boolean) {
  const type = CLIENT_TYPES[i % CLIENT_TYPES.length]!;
  const visits: VisitRecord[] = visitRecords(
    c.key,
    Array.from({ length: local ? 1 : c.visitCount }, (_, j) => ({
      daysAgo: (local ? 400 : j * 9) + (i % 7),
      ticketId: String(50_000 + i + j),
      type,
      confidence: 0.4 + (i % 50) / 100,
      stage: LIFECYCLE_STAGES[(i + j) % LIFECYCLE_STAGES.length],
      level: SERVICE_LEVELS[i % SERVICE_LEVELS.length],
    })),
    now,
  );
  const notes: NoteRecord[] = [];
  if (i % 5 < 2)
    notes.push(noteRecord(c.key, `${local ? 'Local: ' : ''}prefers e-mail, order ${50_000 + i}; asked about delivery twice`, { at: now - (i % 90) * DAY }));
  if (i % 5 === 0)
    notes.push(noteRecord(c.key, 'VIP since spring. Не предлагать промокоды, только звонок менеджера.', { pinned: true, at: now - (i % 30) * DAY - 1 }));
  const corrections: CorrectionRecord[] = [];
  const audit: AuditRecord[] = [];
  if (i % 20 === 0 && !local) {
    const at = now - (i % 60) * DAY;
    const id = `correction-${i}`;
    corrections.push({
      id,
      clientKey: c.key,
      from: 'unknown',
      to: type,
      at,
      stems: STEMS.slice(i % 5, (i % 5) + 10),
      ...(i % 60 === 0 ? { undoneAt: at + DAY } : {}),
    });
    audit.push({ id: `audit-${i}`, clientKey: c.key, at, who: 'you', field: 'type', from: 'unknown', to: type });
  }
  return { visits, notes, corrections, audit };
}

/** A local copy that differs from the backup's: newer on every 4th dossier, older on the next. */
function localCopy(c: ClientRecord, i: number): ClientRecord {
  if (i % 4 === 0) return { ...c, updatedAt: c.lastSeen + DAY, lastSubject: 'Changed here after the backup' };
  if (i % 4 === 1) return { ...c, lastSeen: c.lastSeen - 10 * DAY, updatedAt: c.lastSeen - 10 * DAY };
  return c;
}

/** A backup file for this content (an exported file's JSON, changed by a test), signed again as an export signs it. */
export const signed = (file: object) => withDigest(JSON.stringify({ ...file, digest: undefined }));

/**
 * A realistic backup in the real export format: generated dossiers (names, emails, phones, tags, search
 * tokens as the store builds them), their visits, notes, corrections with the type override and audit entry,
 * and one person per dossier, signed as an export is. Checked with the real `parseBackup`; returns the file's text too.
 */
export async function realisticBackup(shape: BackupShape): Promise<{ backup: Backup; text: string }> {
  const local = shape.local ?? false;
  const data: Record<BackupTable, unknown[]> = Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as never;
  generateClients(shape.clients, shape.now).forEach((generated, i) => {
    const h = history(generated, i, shape.now, local);
    const correction = h.corrections.find((c) => !c.undoneAt);
    let c: ClientRecord = correction ? { ...generated, typeOverride: { type: correction.to, at: correction.at, correctionId: correction.id } } : generated;
    if (local) c = localCopy(c, i);
    const { email, phone } = identitiesOf(c);
    const person: PersonRecord = {
      id: `${local ? 'local-' : ''}person-${i}`,
      emails: email ? [email] : [],
      phones: phone ? [phone] : [],
      clientKeys: [c.key],
      blocked: [],
    };
    data.clients.push(c);
    data.visits.push(...h.visits);
    data.notes.push(...h.notes);
    data.corrections.push(...h.corrections);
    data.audit.push(...h.audit);
    data.persons.push(person);
  });
  const text = await signed({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: shape.now, data, settings: { lang: 'en' } });
  const parsed = await parseBackup(text);
  if (!parsed.ok) throw new Error(`generated backup is invalid: ${parsed.error}`);
  return { backup: parsed.backup, text };
}

/**
 * The record counts a profile should hold after restoring `backups` in turn: records merge by key, and
 * persons by the dossiers they hold. Only persons linking records are stored: each generated person holds
 * one dossier (with an email and phone of its own), so none is.
 */
export function countsAfterRestoring(...backups: Backup[]): Record<BackupTable, number> {
  const keys = (t: BackupTable) =>
    new Set(
      backups.flatMap((b) =>
        t === 'persons'
          ? b.data.persons.filter(isStoredPerson).map((p) => [...p.clientKeys].sort().join(' '))
          : (b.data[t] as Record<string, unknown>[]).map((r) => String(r[BACKUP_KEYS[t]])),
      ),
    );
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, keys(t).size])) as Record<BackupTable, number>;
}
