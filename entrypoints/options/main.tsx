import { render } from 'preact';
import '../../components/panel/panel.css';
import '../../components/options/options.css';
import { createOptionsModel } from '../../components/options/model';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createBrowserTransport } from './browser-transport';
import { createDataTransport } from './data-transport';

const transport = createBrowserTransport();
const model = createOptionsModel(transport);
addEventListener('pagehide', () => model.dispose());
render(<OptionsApp model={model} data={createDataTransport((name, text) => transport.download(name, text))} />, document.getElementById('app')!);
