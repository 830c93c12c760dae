import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { fillPhrase, phraseVars } from '../../core/phrases';
import type { ClientSnapshot } from '../../core/schema/snapshot';
import type { TypeVerdict } from '../../core/taxonomy';
import { lang, t } from '../i18n';
import type { PanelModel } from './model';

/** True when a key press belongs to a text field, where digits are typing, not shortcuts. */
const typing = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
};

/** Ready phrases for this type, filled with the client's and agent's names; a click or keys 1–9 copy one. */
export function PhrasesSection({ model, type, snapshot }: { model: PanelModel; type: TypeVerdict; snapshot: ClientSnapshot }) {
  const status = useSignal<{ index: number; ok: boolean } | null>(null);
  const pack = model.pack.value!;
  const vars = phraseVars({
    clientName: snapshot.client.name,
    email: snapshot.client.email,
    organization: snapshot.client.organization,
    agentName: snapshot.agent?.name,
    ticketId: snapshot.ticket?.id,
    subject: snapshot.ticket?.subject,
  });
  const phrases = type === 'unknown' ? [] : (pack.types?.[type]?.phrases ?? []).filter((p) => p.lang === lang.value);
  const filled = phrases.map((p) => ({ id: p.id, text: fillPhrase(p.text, vars) }));
  const copy = async (index: number) => {
    const phrase = filled[index];
    if (!phrase) return;
    try {
      await model.copy(phrase.text);
      status.value = { index, ok: true };
    } catch {
      status.value = { index, ok: false };
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e) || !/^[1-9]$/.test(e.key)) return;
      e.preventDefault();
      void copy(Number(e.key) - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <section class="card phrases" aria-labelledby="phrases-h">
      <h2 id="phrases-h">{t('phrases.heading')}</h2>
      <p class="muted phrases__hint">{t('phrases.keyHint')}</p>
      <ol class="phrases__list" data-testid="phrases">
        {filled.map((p, i) => (
          <li key={p.id} class="phrase" data-testid="phrase">
            <span class="phrase__key" aria-hidden="true">
              {i < 9 ? i + 1 : ''}
            </span>
            <span class="phrase__text">{p.text}</span>
            <button type="button" class="phrase__copy" data-testid="phrase-copy" onClick={() => void copy(i)} aria-label={`${t('phrases.copy')}: ${p.text}`}>
              {status.value?.index === i ? (status.value.ok ? t('phrases.copied') : '!') : t('phrases.copy')}
            </button>
            {status.value?.index === i && !status.value.ok && (
              <span class="error" role="alert">
                {t('phrases.copyFailed')}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
