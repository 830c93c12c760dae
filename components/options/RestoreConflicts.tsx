import type { Conflict, ConflictClient } from '../../core/backup/restore-conflicts';
import { formatTime, lang, t } from './i18n';
import { loc } from '../panel/pack-text';

/** A client as the agent knows them: name and e-mail (or phone), never the record key unless nothing else is known. */
export function clientName(c: ConflictClient): string {
  const contact = c.email ?? c.phone;
  if (c.name && contact) return `${c.name} (${contact})`;
  return c.name ?? contact ?? c.key;
}

/** What a conflicting record is, in the UI language. */
function subjectText(c: Conflict): string {
  const s = c.subject;
  switch (s.kind) {
    case 'client':
      return clientName(s.client);
    case 'visit':
      return t('options.data.conflict.visit', { who: clientName(s.client), day: s.day });
    case 'note':
      return s.excerpt
        ? t('options.data.conflict.note', { who: clientName(s.client), text: s.excerpt })
        : t('options.data.conflict.sealedNote', { who: clientName(s.client) });
    case 'pack':
      return t('options.data.conflict.pack', { name: loc(s.name, lang.value) || c.id, here: s.here, file: s.file });
    case 'setting':
      return s.key === 'neverRecord' || s.key === 'notesLock' ? t(`options.data.conflict.setting.${s.key}`) : s.key;
  }
}

/** When each copy last changed, where the record has a time. */
function datesText(c: Conflict): string {
  if (c.here !== undefined && c.file !== undefined) return t('options.data.conflict.dates', { here: formatTime(c.here), file: formatTime(c.file) });
  return t('options.data.conflict.differs');
}

const SHOWN = 5;

/** The records a restore would overwrite: whose they are and when each copy changed (the first few, then how many more). */
export function RestoreConflicts({ conflicts }: { conflicts: readonly Conflict[] }) {
  return (
    <ul class="muted conflicts" data-testid="restore-conflicts">
      {conflicts.slice(0, SHOWN).map((c) => (
        <li key={`${c.table}:${c.id}`} data-testid="restore-conflict">
          <strong>{subjectText(c)}</strong> — {datesText(c)}
        </li>
      ))}
      {conflicts.length > SHOWN && <li>{t('options.more', { n: conflicts.length - SHOWN })}</li>}
    </ul>
  );
}
