import type { Evidence, Quote } from '../../core/classifier/classify';
import type { ClientSnapshot } from '../../core/schema/snapshot';
import { t } from '../i18n';

const CONTEXT = 48;

/** The client's sentence around a quote, with the quoted words highlighted. Text only, never HTML. */
function QuoteInContext({ quote, snapshot }: { quote: Quote; snapshot: ClientSnapshot }) {
  const text = snapshot.conversation[quote.message]?.text ?? quote.text;
  const from = Math.max(0, quote.start - CONTEXT);
  const to = Math.min(text.length, quote.end + CONTEXT);
  return (
    <q class="quote">
      {from > 0 && '…'}
      {text.slice(from, quote.start)}
      <mark>{text.slice(quote.start, quote.end)}</mark>
      {text.slice(quote.end, to)}
      {to < text.length && '…'}
    </q>
  );
}

function describe(e: Evidence): string {
  switch (e.kind) {
    case 'word':
    case 'cue':
      return e.count > 1 ? t('ev.cueRepeated', { quote: e.quote.text, n: e.count }) : t('ev.cue', { quote: e.quote.text });
    case 'signal':
      return t(`signal.${e.signal}`, { raw: e.raw });
    case 'learned':
      return `${t('type.learned')}: ${e.quotes.map((q) => q.text).join(', ')}`;
    case 'team':
      return t('ev.team', { tag: e.tag });
  }
}

/** The reasons behind a type, strongest first; quotes point into the client's own messages. */
export function EvidenceList({ items, snapshot, testId }: { items: Evidence[]; snapshot: ClientSnapshot; testId?: string }) {
  if (!items.length)
    return (
      <p class="muted" data-testid={testId}>
        {t('type.noEvidence')}
      </p>
    );
  return (
    <ul class="evidence" data-testid={testId}>
      {items.map((e, i) => (
        <li key={i} class={e.contribution < 0 ? 'evidence__item evidence__item--against' : 'evidence__item'} data-kind={e.kind}>
          <span class="evidence__what">{describe(e)}</span>
          <span class="evidence__weight" aria-hidden="true">
            {e.contribution > 0 ? '+' : ''}
            {e.contribution.toFixed(1)}
          </span>
          {(e.kind === 'cue' || e.kind === 'word') && <QuoteInContext quote={e.quote} snapshot={snapshot} />}
          {e.kind === 'learned' && e.quotes[0] && <QuoteInContext quote={e.quotes[0]} snapshot={snapshot} />}
        </li>
      ))}
    </ul>
  );
}
