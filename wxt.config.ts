import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HELPDESK_HOST_PATTERNS, SITES } from './core/sources/sites';

export default defineConfig({
  // Explicit imports keep the boundaries between core/, components/ and entrypoints/ visible.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // Dexie's "modern" ES2018 build: the default entry wraps its ES5 build, some 9 KB bigger for browsers
    // that Tipazh does not support anyway (Chrome 116+, Firefox 140+). Aliased, every import shares one copy.
    resolve: { alias: { dexie: 'dexie/dist/modern/dexie.mjs' } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the content script on the helpdesk addresses the agent adds (entrypoints/background/helpdesk-scripts.ts).
    permissions: ['storage', 'scripting', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Firefox MV2 has no optional_host_permissions: hosts asked for at run time go in optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] } : {}),
    host_permissions: HELPDESK_HOST_PATTERNS,
    // Pack URLs and self-hosted helpdesks: asked for at the moment the user adds one, never at install.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // The Zendesk page-world bridge (CKEditor 5 lives there), injected by the content script: in Chrome (MV3) as a
    // script tag that loads the file, so Zendesk pages (and only they) may load it. Firefox's MV2 list cannot be
    // limited to some pages, and needs no entry: the content script reads the file itself and puts its text in
    // the page (WXT's injectScript), so nothing of the extension is exposed to pages there.
    ...(browser === 'firefox' ? {} : { web_accessible_resources: [{ resources: ['zendesk-bridge.js'], matches: [...SITES.zendesk.hostPatterns] }] }),
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+Y' } } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+Y' } } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Tipazh sends no data anywhere: everything stays in the browser. data_collection_permissions is read
            // from Firefox 140 on desktop (ESR 140 included) and 142 on Android. Android has no sidebar and is not
            // supported; its minimum is stated only so that the manifest claims no version that ignores the key.
            gecko: { id: 'tipazh@tipazh.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['tests/**', 'test-results/**', 'playwright-report/**', 'reports/**', '*.config.ts', '!wxt.config.ts'],
  },
});
