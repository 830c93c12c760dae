import { useEffect } from 'preact/hooks';
import { STORAGE_FULL } from '../../core/messages/page-report';
import type { Omitted } from '../../core/schema/snapshot';
import type { ClientRecord } from '../../core/store/db';
import { lang, t } from '../i18n';
import { AdviceSection } from './AdviceSection';
import { AuditTrail } from './AuditTrail';
import { ClientHeader } from './ClientHeader';
import { ClientList } from './ClientList';
import { DossierSection } from './DossierSection';
import { DraftCheck } from './DraftCheck';
import { HistoryChart } from './HistoryChart';
import { isTypingTarget } from './keys';
import type { PanelModel } from './model';
import { NotesSection } from './NotesSection';
import { PhrasesSection } from './PhrasesSection';
import { ProfileSection } from './ProfileSection';
import { SegmentSection } from './SegmentSection';
import { TypeDetails, TypeSummary } from './TypeCard';
import { VipState } from './VipState';

/** `/` opens the client search, `n` starts a note, Escape goes back to the tab's client. */
function useShortcuts(model: PanelModel) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape' && model.view.value.kind !== 'tab') {
        model.show({ kind: 'tab' });
        return;
      }
      if (isTypingTarget(e)) return;
      if (e.key === '/') {
        e.preventDefault();
        model.show({ kind: 'clients' });
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-testid="client-search"]')?.focus());
      } else if (e.key === 'n' && model.clientKey.value) {
        e.preventDefault();
        const input = document.querySelector<HTMLTextAreaElement>('[data-testid="note-input"]');
        input?.scrollIntoView({ block: 'center' });
        input?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [model]);
}

/** The dossier sections shared by the tab view and a dossier opened from the client list. */
function DossierSections({ model, client }: { model: PanelModel; client?: ClientRecord }) {
  const d = model.dossier.value;
  return (
    <>
      <NotesSection model={model} />
      {client && <DossierSection model={model} client={client} />}
      <HistoryChart model={model} visits={d.visits} />
      {client && <ProfileSection model={model} client={client} />}
      <AuditTrail entries={d.audit} pack={model.pack.value} />
    </>
  );
}

function TabClient({ model }: { model: PanelModel }) {
  const tab = model.tab.value;
  const analysis = model.analysis.value;
  if (!model.loaded.value) return <p class="panel__state">{t('state.loading')}</p>;
  if (tab?.state === 'reading') {
    return (
      <p class="panel__state" data-testid="reading" role="status">
        {t('state.reading')}
      </p>
    );
  }
  if (tab?.state === 'error') {
    return (
      <div class="panel__state panel__state--error" data-testid="page-error" role="alert">
        <strong>{t('state.error')}</strong>
        <p>{tab.message === STORAGE_FULL ? t('state.storageFull') : tab.message}</p>
      </div>
    );
  }
  if (tab?.state === 'none' && tab.message === 'never-record') {
    return (
      <div class="panel__state" data-testid="never-recorded">
        <strong>{t('state.neverRecorded')}</strong>
        <p>{t('state.neverRecordedHint')}</p>
      </div>
    );
  }
  if (tab?.state !== 'client' || !tab.snapshot) {
    return (
      <div class="panel__state" data-testid="no-client">
        <strong>{t('state.noClient')}</strong>
        <p>{t('state.noClientHint', { helpdesk: model.helpdeskName.value ?? '' })}</p>
      </div>
    );
  }
  const d = model.dossier.value;
  return (
    <main>
      <ClientHeader model={model} snapshot={tab.snapshot} linked={d.linked} onSplit={(key) => void model.splitRecord(key)} />
      {tab.snapshot.via === 'dom' && (
        <p class="notice" data-testid="api-refused" role="status">
          {t('state.apiRefused')}
        </p>
      )}
      <OmittedNotice omitted={tab.snapshot.omitted} />
      {analysis && model.pack.value ? (
        <>
          <TypeSummary model={model} analysis={analysis} />
          <PhrasesSection model={model} type={analysis.shownType} snapshot={tab.snapshot} />
          <TypeDetails model={model} analysis={analysis} snapshot={tab.snapshot} />
          <AdviceSection model={model} type={analysis.shownType} />
          <SegmentSection model={model} analysis={analysis} />
          <DraftCheck model={model} />
        </>
      ) : (
        <p class="panel__state">{t('state.loading')}</p>
      )}
      <DossierSections model={model} client={d.client} />
    </main>
  );
}

/** Says what the read left out (older messages, shortened ones), so nobody mistakes a part for the whole. */
function OmittedNotice({ omitted }: { omitted: Omitted | undefined }) {
  if (!omitted) return null;
  const { older, shortened } = omitted;
  return (
    <p class="notice" data-testid="omitted" role="status">
      {older === 'some' ? t('state.olderSkippedSome') : older ? t('state.olderSkipped', { n: older }) : null}
      {older && shortened ? ' ' : null}
      {shortened ? t('state.shortened', { n: shortened }) : null}
    </p>
  );
}

/** A dossier opened from the client list: no helpdesk tab needed. */
function DossierOnly({ model }: { model: PanelModel }) {
  const d = model.dossier.value;
  const c = d.client;
  return (
    <main>
      {/* Goes back to the list it was opened from (the bar's button goes back to the tab). */}
      <button type="button" class="link back" data-testid="back" onClick={() => model.show({ kind: 'clients' })}>
        ← {t('clients.heading')}
      </button>
      {c ? (
        <section class="card client">
          <h1 class="client__name" data-testid="client-name">
            {c.name || c.email || c.externalId}
          </h1>
          <VipState model={model} />
          <p class="client__line">
            <span data-testid="client-email">{c.email ?? t('client.noEmail')}</span> ·{' '}
            <span data-testid="client-org">{c.organization ?? t('client.noOrg')}</span>
          </p>
          {c.lastSubject && <p class="client__ticket muted">{c.lastSubject}</p>}
        </section>
      ) : (
        <p class="panel__state">{t('state.loading')}</p>
      )}
      <DossierSections model={model} client={c} />
    </main>
  );
}

/** The side panel: the followed tab's client, the client list, or a dossier; Russian or English. */
export function PanelApp({ model }: { model: PanelModel }) {
  useShortcuts(model);
  const view = model.view.value;
  return (
    <div class="panel" lang={lang.value}>
      <header class="panel__bar">
        <button type="button" class="link panel__brand" onClick={() => model.show({ kind: 'tab' })} aria-label={t('clients.back')}>
          {t('app.title')}
        </button>
        <nav class="panel__nav">
          <button
            type="button"
            class={view.kind === 'tab' ? 'secondary' : 'secondary active'}
            data-testid="clients-button"
            aria-pressed={view.kind !== 'tab'}
            title={t('clients.shortcut')}
            onClick={() => model.show(view.kind === 'tab' ? { kind: 'clients' } : { kind: 'tab' })}
          >
            {view.kind === 'tab' ? t('clients.open') : t('clients.back')}
          </button>
          <label class="panel__lang">
            <span class="sr-only">{t('lang.switch')}</span>
            <select
              data-testid="lang-switch"
              value={lang.value}
              onChange={(e) => void model.setLang((e.currentTarget as HTMLSelectElement).value as 'en' | 'ru')}
            >
              <option value="en">EN</option>
              <option value="ru">RU</option>
            </select>
          </label>
        </nav>
      </header>
      {view.kind === 'tab' ? <TabClient model={model} /> : view.kind === 'clients' ? <ClientList model={model} /> : <DossierOnly model={model} />}
    </div>
  );
}
