// Validation problems read in English (zod/mini has no locale of its own).
import '../../core/schema/english-issues';
import { render } from 'preact';
import '../../components/panel/panel.css';
import '../../components/options/options.css';
import { createHelpdesksModel } from '../../components/options/helpdesks-model';
import { createOptionsModel } from '../../components/options/model';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createTeamSyncModel } from '../../components/options/team-sync-model';
import { createBrowserTransport } from './browser-transport';
import { createDataTransport } from './data-transport';
import { createHelpdeskTransport } from './helpdesks-transport';

const transport = createBrowserTransport();
const model = createOptionsModel(transport);
const helpdesks = createHelpdesksModel(createHelpdeskTransport());
const teamSync = createTeamSyncModel(transport);
addEventListener('pagehide', () => {
  model.dispose();
  helpdesks.dispose();
  teamSync.dispose();
});
render(
  <OptionsApp model={model} helpdesks={helpdesks} teamSync={teamSync} data={createDataTransport((name, text) => transport.download(name, text))} />,
  document.getElementById('app')!,
);
