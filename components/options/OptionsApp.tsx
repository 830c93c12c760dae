import type { DataTransport } from './data-transport';
import { DataSection } from './DataSection';
import type { HelpdesksModel } from './helpdesks-model';
import { HelpdesksSection } from './HelpdesksSection';
import { useEffect } from 'preact/hooks';
import { lang, t } from './i18n';
import { CheckView } from './CheckView';
import { ImportSection, NoticeLine } from './ImportSection';
import type { OptionsModel } from './model';
import { PackEditor } from './PackEditor';
import { PackList } from './PackList';
import type { TeamSyncModel } from './team-sync-model';
import { TeamSyncSection } from './TeamSyncSection';

/** A pack file picked in the restore picker, imported as the import section would: the page goes to its message, which takes focus. */
async function importFromData(model: OptionsModel, file: File) {
  await model.importFile(file);
  const notice = document.querySelector<HTMLElement>('[data-testid="notice"]');
  notice?.scrollIntoView({ block: 'center' });
  notice?.focus();
}

/** The options page: the team lead's workspace for strategy packs. */
export function OptionsApp({
  model,
  data,
  helpdesks,
  teamSync,
}: {
  model: OptionsModel;
  data?: DataTransport;
  helpdesks?: HelpdesksModel;
  teamSync?: TeamSyncModel;
}) {
  useEffect(() => {
    document.title = t('options.title');
  }, [lang.value]);
  // A file dropped outside the drop zone must not replace the page with the file's contents.
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (!(e.target as HTMLElement | null)?.closest?.('[data-testid="dropzone"]')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
  const view = model.view.value;
  return (
    <div class="options" lang={lang.value}>
      <header class="options__bar">
        <h1 class="options__brand">
          {t('app.title')} <span class="muted">· {t('options.heading')}</span>
        </h1>
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
      <main>
        {model.loadError.value ? (
          <div class="state state--error" role="alert" data-testid="load-error">
            <strong>{t('options.loadError')}</strong>
            <p>{model.loadError.value}</p>
          </div>
        ) : !model.loaded.value ? (
          <p class="state" role="status" data-testid="loading">
            {t('options.loading')}
          </p>
        ) : view.kind === 'editor' ? (
          <PackEditor model={model} editor={view.editor} />
        ) : view.kind === 'check' ? (
          <CheckView model={model} check={view.check} />
        ) : (
          <>
            <p class="intro muted">{t('options.intro')}</p>
            <ImportSection model={model} />
            <NoticeLine model={model} />
            <PackList model={model} />
            {helpdesks && <HelpdesksSection model={helpdesks} />}
            {teamSync && model.effective.value && <TeamSyncSection model={teamSync} pack={model.effective.value.pack} />}
            {data && <DataSection data={data} importPack={(file) => void importFromData(model, file)} />}
          </>
        )}
      </main>
    </div>
  );
}
