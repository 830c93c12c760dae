import { useSignal } from '@preact/signals';
import { useLayoutEffect } from 'preact/hooks';
import { fillPhrase, phraseVars } from '../../core/phrases';
import type { ClientSnapshot } from '../../core/schema/snapshot';
import type { Lang, TypeVerdict } from '../../core/taxonomy';
import { t } from '../i18n';
import { PackSource } from './AdviceSection';
import { isTypingTarget } from './keys';
import type { PanelModel } from './model';

type Outcome = 'inserted' | 'copied' | 'failed';

/** Phrases shown above the fold; the rest are one click (or key) away. */
const TOP = 3;

/**
 * Ready phrases for this type, filled with the client's and agent's names. "Insert" (or keys 1–9) puts one
 * into the helpdesk's reply box; where there is no reply box it is copied instead, and the panel says so.
 */
export function PhrasesSection({ model, type, snapshot }: { model: PanelModel; type: TypeVerdict; snapshot: ClientSnapshot }) {
  const status = useSignal<{ index: number; outcome: Outcome } | null>(null);
  const expanded = useSignal(false);
  const pack = model.pack.value!;
  const vars = phraseVars({
    clientName: snapshot.client.name,
    email: snapshot.client.email,
    organization: snapshot.client.organization,
    agentName: snapshot.agent?.name,
    ticketId: snapshot.ticket?.id,
    subject: snapshot.ticket?.subject,
    helpdesk: snapshot.source,
  });
  const reply = model.replyLang.value;
  // A client whose type does not show yet gets the phrases for any client: greeting, question, summary, closing.
  const all = (type === 'unknown' ? pack.general?.phrases : pack.types?.[type]?.phrases) ?? [];
  const inReplyLang = all.filter((p) => p.lang === reply.lang);
  // Packs may lack phrases in one language: then the other language's, and the card says so.
  const phrases = inReplyLang.length ? inReplyLang : all.filter((p) => p.lang !== reply.lang);
  const other: Lang = reply.lang === 'ru' ? 'en' : 'ru';
  const filled = phrases.map((p) => ({ id: p.id, text: fillPhrase(p.text, vars) }));
  const insert = async (index: number) => {
    const phrase = filled[index];
    if (phrase) status.value = { index, outcome: await model.insertPhrase(phrase.text) };
  };
  const copy = async (index: number) => {
    const phrase = filled[index];
    if (!phrase) return;
    try {
      await model.copy(phrase.text);
      status.value = { index, outcome: 'copied' };
    } catch {
      status.value = { index, outcome: 'failed' };
    }
  };
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e) || !/^[1-9]$/.test(e.key)) return;
      // Only a phrase the agent can see: the three on top, or all once they are shown.
      const index = Number(e.key) - 1;
      if (index >= (expanded.value ? filled.length : Math.min(TOP, filled.length))) return;
      e.preventDefault();
      void insert(index);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const message = (o: Outcome) => (o === 'inserted' ? t('phrases.inserted') : o === 'copied' ? t('phrases.copiedNoComposer') : t('phrases.copyFailed'));
  return (
    <section class="card phrases" aria-labelledby="phrases-h">
      <div class="phrases__head">
        <h2 id="phrases-h">{t('phrases.heading')}</h2>
        <span class="muted phrases__hint">{t('phrases.keyHint')}</span>
      </div>
      <p class="phrases__lang muted" data-testid="reply-lang" data-lang={reply.lang} data-source={reply.source}>
        {t('phrases.replyIn', { language: t(`lang.in.${reply.lang}`) })} {t(`phrases.replyFrom.${reply.source}`)}
        {!inReplyLang.length && all.length > 0 && <> {t('phrases.noneInLang', { language: t(`lang.in.${reply.lang}`) })}</>}{' '}
        <button type="button" class="link" data-testid="reply-lang-switch" onClick={() => void model.setReplyLang(other)}>
          {t('phrases.replySwitch', { language: t(`lang.in.${other}`) })}
        </button>
        {reply.source === 'agent' && (
          <>
            {' · '}
            <button type="button" class="link" data-testid="reply-lang-auto" onClick={() => void model.setReplyLang(undefined)}>
              {t('phrases.replyAuto')}
            </button>
          </>
        )}
      </p>
      <ol class="phrases__list" data-testid="phrases">
        {filled.map((p, i) => (
          <li key={p.id} class="phrase" data-testid="phrase" hidden={i >= TOP && !expanded.value}>
            <span class="phrase__key" aria-hidden="true">
              {i < 9 && (i < TOP || expanded.value) ? i + 1 : ''}
            </span>
            <span class="phrase__text">{p.text}</span>
            <span class="phrase__actions">
              <button type="button" data-testid="phrase-insert" onClick={() => void insert(i)} aria-label={`${t('phrases.insert')}: ${p.text}`}>
                {t('phrases.insert')}
              </button>
              <button type="button" class="secondary" data-testid="phrase-copy" onClick={() => void copy(i)} aria-label={`${t('phrases.copy')}: ${p.text}`}>
                {t('phrases.copy')}
              </button>
            </span>
            {status.value?.index === i && (
              <span class={status.value.outcome === 'failed' ? 'phrase__status error' : 'phrase__status muted'} role="status" data-testid="phrase-status">
                {message(status.value.outcome)}
              </span>
            )}
          </li>
        ))}
      </ol>
      {filled.length > TOP && (
        <button type="button" class="link" data-testid="phrases-more" aria-expanded={expanded.value} onClick={() => (expanded.value = !expanded.value)}>
          {expanded.value ? t('phrases.fewer') : t('phrases.more', { n: filled.length - TOP })}
        </button>
      )}
      {!filled.length && (
        <p class="muted" data-testid="phrases-none">
          {t('phrases.none')}
        </p>
      )}
      {model.vip.value && filled.length > 0 && (
        <p class="muted" data-testid="phrases-personal">
          {t('phrases.personalise')}
        </p>
      )}
      <PackSource model={model} path={type === 'unknown' ? 'general.phrases' : `types.${type}.phrases`} />
    </section>
  );
}
