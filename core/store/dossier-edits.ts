import type { ProfileField } from '../schema/profile';
import type { Lang, ServiceLevelId, TypeVerdict } from '../taxonomy';
import { AuditRecord, ClientRecord, MAX_TAGS, Note, type TipazhDb } from './db';
import { dossierFor, withNote } from './notes';
import { searchTokensOf } from './search';

/** Who made a change, as the audit trail shows it: the agent's name when the helpdesk told us, else "you". */
export type Who = string;

const text = (v: unknown) => (v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v));

async function audit(db: TipazhDb, clientKey: string, who: Who, field: string, from: unknown, to: unknown, now: number) {
  await db.audit.add(AuditRecord.parse({ id: crypto.randomUUID(), clientKey, at: now, who, field, from: text(from), to: text(to) }));
}

/**
 * An edit of a text the agent started from an older value: someone changed it meanwhile (another panel, tab or
 * page read). Refused, so neither change is lost unseen; the panel keeps the agent's text to save again.
 */
export class EditConflict extends Error {
  override name = 'EditConflict';
}

/** Refuses the edit when the text it started from (`was`; none: not checked) is no longer what is stored. */
export function checkUnchanged(stored: string | number | undefined, was: string | number | undefined, what: string) {
  if (was !== undefined && stored !== was) throw new EditConflict(`${what} was changed meanwhile`);
}

/** A note's new change time: later than its last one even within one millisecond, so `since` always tells edits apart. */
export const changedAt = (n: Note, now: number) => Math.max(now, n.updatedAt + 1);

/** What an edit does to a dossier (and what the audit trail keeps of it); none when it changes nothing. */
type Edit = { next: ClientRecord; from: unknown; to: unknown } | undefined;

/** A field set to a value: an edit only when the value differs. */
const setting = (next: ClientRecord, from: unknown, to: unknown): Edit => (text(from) === text(to) ? undefined : { next, from, to });

/**
 * Changes a dossier and records the change, in one transaction: both happen or neither. `change` reads the
 * stored record inside that transaction, so it applies to what is there now, whatever another panel wrote meanwhile.
 */
async function editClient(db: TipazhDb, key: string, who: Who, field: string, change: (c: ClientRecord) => Edit, now = Date.now()) {
  await db.transaction('rw', db.clients, db.audit, async () => {
    const edit = change(await dossierFor(db, key));
    if (!edit) return;
    const parsed = ClientRecord.parse({ ...edit.next, updatedAt: now });
    await db.clients.put({ ...parsed, searchTokens: searchTokensOf(parsed) });
    await audit(db, key, who, field, edit.from, edit.to, now);
  });
}

/** Adds one tag to the dossier's tags as they are stored now (a tag already there is not added twice). */
export const addTag = (db: TipazhDb, key: string, tag: string, who: Who) =>
  editClient(db, key, who, 'tag added', (c) => {
    const t = tag.trim();
    if (!t || c.tags.includes(t)) return undefined;
    if (c.tags.length >= MAX_TAGS) throw new Error(`a dossier keeps at most ${MAX_TAGS} tags`);
    return { next: { ...c, tags: [...c.tags, t] }, from: t, to: t };
  });

/** Removes one tag from the dossier's tags as they are stored now (gone already: nothing to do). */
export const removeTag = (db: TipazhDb, key: string, tag: string, who: Who) =>
  editClient(db, key, who, 'tag removed', (c) =>
    c.tags.includes(tag) ? { next: { ...c, tags: c.tags.filter((x) => x !== tag) }, from: tag, to: tag } : undefined,
  );

export const setVip = (db: TipazhDb, key: string, vip: boolean, who: Who) =>
  editClient(db, key, who, 'vip', (c) => setting({ ...c, vip }, String(c.vip), String(vip)));

/** The language to reply to this client in; undefined follows the conversation again. */
export const setReplyLang = (db: TipazhDb, key: string, lang: Lang | undefined, who: Who) =>
  editClient(db, key, who, 'replyLang', (c) => {
    const { replyLang: _old, ...rest } = c;
    return setting(lang ? { ...rest, replyLang: lang } : rest, c.replyLang ?? 'automatic', lang ?? 'automatic');
  });

/** The type the agent confirmed as right; undefined takes the confirmation back. */
export const setTypeConfirmed = (db: TipazhDb, key: string, type: TypeVerdict | undefined, who: Who, now = Date.now()) =>
  editClient(
    db,
    key,
    who,
    'type confirmed',
    (c) => {
      const { typeConfirmed: _old, ...rest } = c;
      return setting(type ? { ...rest, typeConfirmed: { type, at: now } } : rest, c.typeConfirmed?.type, type);
    },
    now,
  );

/**
 * Sets one profile field; the agent's value replaces a prefilled one and is never overwritten by a page read.
 * `was` is the value the agent's edit started from: when the field has changed since, the edit is refused (EditConflict).
 */
export const setProfileField = (db: TipazhDb, key: string, field: ProfileField, value: string, who: Who, was?: string) =>
  editClient(db, key, who, `profile.${field}`, (c) => {
    const v = value.trim() || undefined;
    const edit = setting({ ...c, profile: { ...c.profile, [field]: v, prefilled: c.profile.prefilled.filter((f) => f !== field) } }, c.profile[field], v);
    if (edit) checkUnchanged(c.profile[field] ?? '', was?.trim(), `profile.${field}`);
    return edit;
  });

export const setServiceLevelOverride = (db: TipazhDb, key: string, level: ServiceLevelId | undefined, reason: string | undefined, who: Who, now = Date.now()) =>
  editClient(
    db,
    key,
    who,
    'serviceLevel',
    (c) =>
      setting(
        { ...c, serviceLevelOverride: level ? { level, reason: reason?.trim() || undefined, at: now } : undefined },
        c.serviceLevelOverride?.level,
        level ? `${level}${reason?.trim() ? ` (${reason.trim()})` : ''}` : undefined,
      ),
    now,
  );

/**
 * Changes one note in its dossier and records the change, in one transaction. `shown` is what the audit trail
 * keeps of a note's text (a sealed note's words never go there).
 */
export async function editNote(
  db: TipazhDb,
  clientKey: string,
  id: string,
  who: Who,
  field: string,
  change: (n: Note) => Note | null,
  now = Date.now(),
  shown: (n: Note | null) => string | undefined = (n) => n?.text,
) {
  await db.transaction('rw', db.clients, db.audit, async () => {
    const client = await dossierFor(db, clientKey);
    const note = client.notes.find((n) => n.id === id);
    if (!note) throw new Error('the note no longer exists');
    const next = change(note);
    const notes = next ? withNote(client.notes, Note.parse(next)) : client.notes.filter((n) => n.id !== id);
    await db.clients.put({ ...client, notes });
    await audit(db, clientKey, who, field, shown(note), shown(next), now);
  });
}

/** A note's new text; `since` is when the note the agent started from was last changed (changed since: EditConflict). */
export const updateNote = (db: TipazhDb, clientKey: string, id: string, text: string, who: Who, since?: number, now = Date.now()) =>
  editNote(db, clientKey, id, who, 'note', (n) => (checkUnchanged(n.updatedAt, since, 'the note'), { ...n, text, updatedAt: changedAt(n, now) }), now);
export const setNotePinned = (db: TipazhDb, clientKey: string, id: string, pinned: boolean, who: Who) =>
  editNote(db, clientKey, id, who, pinned ? 'note pinned' : 'note unpinned', (n) => ({ ...n, pinned }));
export const deleteNote = (db: TipazhDb, clientKey: string, id: string, who: Who) => editNote(db, clientKey, id, who, 'note deleted', () => null);

/** A client's audit trail, newest first. */
export const auditTrail = async (db: TipazhDb, clientKey: string) => (await db.audit.where('clientKey').equals(clientKey).sortBy('at')).reverse();
