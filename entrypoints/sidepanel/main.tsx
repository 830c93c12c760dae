// Validation problems read in English (zod/mini has no locale of its own).
import '../../core/schema/english-issues';
import { render } from 'preact';
import '../../components/panel/panel.css';
import { createPanelModel } from '../../components/panel/model';
import { PanelApp } from '../../components/panel/PanelApp';
import { createBrowserTransport } from './browser-transport';

const pinned = Number(new URLSearchParams(location.search).get('tabId'));
const model = createPanelModel(createBrowserTransport(Number.isInteger(pinned) && pinned > 0 ? pinned : undefined));
render(<PanelApp model={model} />, document.getElementById('app')!);
