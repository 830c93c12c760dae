// The panel words no validation problem for the agent (what it parses, it drops when wrong), so it carries none
// of the wording tables: core/schema/english-issues.ts is for the pages and tools that report problems.
import { render } from 'preact';
import '../../components/panel/panel.css';
import { createPanelModel } from '../../components/panel/model';
import { PanelApp } from '../../components/panel/PanelApp';
import { createBrowserTransport } from './browser-transport';

const pinned = Number(new URLSearchParams(location.search).get('tabId'));
const model = createPanelModel(createBrowserTransport(Number.isInteger(pinned) && pinned > 0 ? pinned : undefined));
render(<PanelApp model={model} />, document.getElementById('app')!);
