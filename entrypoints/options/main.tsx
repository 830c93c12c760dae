import { render } from 'preact';
import '../../components/panel/panel.css';
import '../../components/options/options.css';
import { createOptionsModel } from '../../components/options/model';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createBrowserTransport } from './browser-transport';

const model = createOptionsModel(createBrowserTransport());
addEventListener('pagehide', () => model.dispose());
render(<OptionsApp model={model} />, document.getElementById('app')!);
