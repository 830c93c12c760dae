import { ProfileField } from '../schema/profile';
import { z } from '../schema/zod';
import { Lang, ServiceLevelId, TypeVerdict } from '../taxonomy';
import { Tag, type TipazhDb } from './db';
import {
  addTag,
  deleteNote,
  removeTag,
  setNotePinned,
  setProfileField,
  setReplyLang,
  setServiceLevelOverride,
  setTypeConfirmed,
  setVip,
  updateNote,
} from './dossier-edits';

const Id = z.string().check(z.minLength(1), z.maxLength(500));
const Text = z.string().check(z.maxLength(20_000));

/** A dossier change as the panel asks for it (validated where the background takes it). */
export const DossierChange = z.discriminatedUnion('kind', [
  /** `since`: when the note the agent started editing was last changed; changed since, the edit is refused. */
  z.object({ kind: z.literal('note-text'), key: Id, id: Id, text: Text, since: z.optional(z.number()) }),
  z.object({ kind: z.literal('note-pin'), key: Id, id: Id, pinned: z.boolean() }),
  z.object({ kind: z.literal('note-delete'), key: Id, id: Id }),
  /** One tag added or removed: applied to the tags as stored, so two panels tagging at once keep each other's tags. */
  z.object({ kind: z.literal('tag-add'), key: Id, tag: Tag }),
  z.object({ kind: z.literal('tag-remove'), key: Id, tag: Tag }),
  z.object({ kind: z.literal('vip'), key: Id, vip: z.boolean() }),
  /** `was`: the value the agent's edit started from; changed since, the edit is refused. */
  z.object({ kind: z.literal('profile'), key: Id, field: ProfileField, value: Text, was: z.optional(Text) }),
  z.object({ kind: z.literal('service-level'), key: Id, level: z.optional(ServiceLevelId), reason: z.optional(z.string().check(z.maxLength(1000))) }),
  /** The language to reply in; none: follow the conversation. */
  z.object({ kind: z.literal('reply-lang'), key: Id, lang: z.optional(Lang) }),
  /** The agent confirms the type shown is right; none: takes the confirmation back. */
  z.object({ kind: z.literal('type-confirm'), key: Id, type: z.optional(TypeVerdict) }),
]);
export type DossierChange = z.infer<typeof DossierChange>;

/** Applies one change with its audit entry. */
export async function applyEdit(db: TipazhDb, c: DossierChange, who: string): Promise<void> {
  switch (c.kind) {
    case 'note-text':
      return updateNote(db, c.key, c.id, c.text, who, c.since);
    case 'note-pin':
      return setNotePinned(db, c.key, c.id, c.pinned, who);
    case 'note-delete':
      return deleteNote(db, c.key, c.id, who);
    case 'tag-add':
      return addTag(db, c.key, c.tag, who);
    case 'tag-remove':
      return removeTag(db, c.key, c.tag, who);
    case 'vip':
      return setVip(db, c.key, c.vip, who);
    case 'profile':
      return setProfileField(db, c.key, c.field, c.value, who, c.was);
    case 'service-level':
      return setServiceLevelOverride(db, c.key, c.level, c.reason, who);
    case 'reply-lang':
      return setReplyLang(db, c.key, c.lang, who);
    case 'type-confirm':
      return setTypeConfirmed(db, c.key, c.type, who);
  }
}
