import { z } from '../schema/zod';
import { AuditRecord, CorrectionRecord, type TipazhDb } from './db';

const typeAudit = (clientKey: string, who: string, from: string, to: string | undefined, now: number) =>
  AuditRecord.parse({ id: crypto.randomUUID(), clientKey, at: now, who, field: 'type', from, to });

/** A correction as the panel asks for it: the store adds its id and time. */
export const NewCorrection = z.pick(CorrectionRecord, { clientKey: true, from: true, to: true, reason: true, stems: true, scores: true });
export type NewCorrection = z.infer<typeof NewCorrection>;

/** Records the agent's choice of type for a client: the dossier shows it, the local model learns from it. */
export async function addCorrection(db: TipazhDb, c: NewCorrection, now = Date.now(), who = 'you'): Promise<CorrectionRecord> {
  const record = CorrectionRecord.parse({ ...c, reason: c.reason?.trim() || undefined, id: crypto.randomUUID(), at: now });
  await db.transaction('rw', db.corrections, db.clients, db.audit, async () => {
    const client = await db.clients.get(c.clientKey);
    if (!client) throw new Error('no dossier for this client yet');
    await db.corrections.add(record);
    await db.clients.put({ ...client, typeOverride: { type: record.to, reason: record.reason, at: now, correctionId: record.id } });
    await db.audit.add(typeAudit(c.clientKey, who, c.from, `${record.to}${record.reason ? ` (${record.reason})` : ''}`, now));
  });
  return record;
}

/** Undoes a correction: the model forgets it, and the dossier falls back to the previous correction or to the classifier. */
export async function undoCorrection(db: TipazhDb, id: string, now = Date.now(), who = 'you'): Promise<void> {
  await db.transaction('rw', db.corrections, db.clients, db.audit, async () => {
    const c = await db.corrections.get(id);
    if (!c || c.undoneAt) return;
    await db.corrections.put({ ...c, undoneAt: now });
    const client = await db.clients.get(c.clientKey);
    if (!client || client.typeOverride?.correctionId !== id) return;
    const previous = (await db.corrections.where('clientKey').equals(c.clientKey).toArray())
      .filter((x) => !x.undoneAt && x.id !== id)
      .sort((a, b) => b.at - a.at)[0];
    const { typeOverride: _drop, ...rest } = client;
    await db.clients.put(
      previous ? { ...rest, typeOverride: { type: previous.to, reason: previous.reason, at: previous.at, correctionId: previous.id } } : rest,
    );
    await db.audit.add(typeAudit(c.clientKey, who, c.to, previous ? previous.to : 'automatic', now));
  });
}

/** Every correction still in force, oldest first: the learner's training set. */
export async function activeCorrections(db: TipazhDb): Promise<CorrectionRecord[]> {
  return (await db.corrections.orderBy('at').toArray()).filter((c) => !c.undoneAt);
}
