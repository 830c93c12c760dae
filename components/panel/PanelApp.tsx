import { lang, t } from '../i18n';
import { ClientHeader } from './ClientHeader';
import type { PanelModel } from './model';
import { AdviceSection } from './AdviceSection';
import { NotesSection } from './NotesSection';
import { PhrasesSection } from './PhrasesSection';
import { SegmentSection } from './SegmentSection';
import { TypeCard } from './TypeCard';

/** The side panel: the followed tab's client, or why there is none. */
export function PanelApp({ model }: { model: PanelModel }) {
  const tab = model.tab.value;
  const analysis = model.analysis.value;
  return (
    <div class="panel" lang={lang.value}>
      <header class="panel__bar">
        <span class="panel__brand">{t('app.title')}</span>
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
      </header>
      {!model.loaded.value ? (
        <p class="panel__state">{t('state.loading')}</p>
      ) : tab?.state === 'client' && tab.snapshot ? (
        <main>
          <ClientHeader
            snapshot={tab.snapshot}
            client={model.dossier.value.client}
            linked={model.dossier.value.linked}
            onSplit={(key) => void model.splitRecord(key)}
          />
          {analysis && (
            <>
              <TypeCard model={model} analysis={analysis} snapshot={tab.snapshot} />
              <AdviceSection model={model} type={analysis.shownType} />
              <PhrasesSection model={model} type={analysis.shownType} snapshot={tab.snapshot} />
              <SegmentSection model={model} analysis={analysis} />
            </>
          )}
          <NotesSection model={model} />
        </main>
      ) : tab?.state === 'reading' ? (
        <p class="panel__state" data-testid="reading" role="status">
          {t('state.reading')}
        </p>
      ) : tab?.state === 'error' ? (
        <div class="panel__state panel__state--error" data-testid="page-error" role="alert">
          <strong>{t('state.error')}</strong>
          <p>{tab.message}</p>
        </div>
      ) : (
        <div class="panel__state" data-testid="no-client">
          <strong>{t('state.noClient')}</strong>
          <p>{t('state.noClientHint')}</p>
        </div>
      )}
    </div>
  );
}
