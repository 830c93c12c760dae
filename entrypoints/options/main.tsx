// Validation problems read in English (zod/mini has no locale of its own).
import '../../core/schema/english-issues';
import { render } from 'preact';
import '../../components/panel/panel.css';
import '../../components/options/options.css';
import { createHelpdesksModel } from '../../components/options/helpdesks-model';
import { createOptionsModel } from '../../components/options/model';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createBrowserTransport } from './browser-transport';
import { createDataTransport } from './data-transport';
import { createHelpdeskTransport } from './helpdesks-transport';

const transport = createBrowserTransport();
const model = createOptionsModel(transport);
const helpdesks = createHelpdesksModel(createHelpdeskTransport());
addEventListener('pagehide', () => {
  model.dispose();
  helpdesks.dispose();
});
render(
  <OptionsApp model={model} helpdesks={helpdesks} data={createDataTransport((name, text) => transport.download(name, text))} />,
  document.getElementById('app')!,
);
