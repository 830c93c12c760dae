import type { ProfileField } from '../schema/profile';
import type { ServiceLevelId } from '../taxonomy';
import type { TipazhDb } from './db';
import { deleteNote, setNotePinned, setProfileField, setServiceLevelOverride, setTags, setVip, updateNote } from './dossier-edits';

/** A dossier change as the panel asks for it. */
export type DossierChange =
  | { kind: 'note-text'; id: string; text: string }
  | { kind: 'note-pin'; id: string; pinned: boolean }
  | { kind: 'note-delete'; id: string }
  | { kind: 'tags'; key: string; tags: string[] }
  | { kind: 'vip'; key: string; vip: boolean }
  | { kind: 'profile'; key: string; field: ProfileField; value: string }
  | { kind: 'service-level'; key: string; level?: ServiceLevelId; reason?: string };

/** Applies one change with its audit entry. */
export async function applyEdit(db: TipazhDb, c: DossierChange, who: string): Promise<void> {
  switch (c.kind) {
    case 'note-text':
      return updateNote(db, c.id, c.text, who);
    case 'note-pin':
      return setNotePinned(db, c.id, c.pinned, who);
    case 'note-delete':
      return deleteNote(db, c.id, who);
    case 'tags':
      return setTags(db, c.key, c.tags, who);
    case 'vip':
      return setVip(db, c.key, c.vip, who);
    case 'profile':
      return setProfileField(db, c.key, c.field, c.value, who);
    case 'service-level':
      return setServiceLevelOverride(db, c.key, c.level, c.reason, who);
  }
}
