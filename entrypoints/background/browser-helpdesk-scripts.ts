import { browser } from 'wxt/browser';
import { CUSTOM_HELPDESKS_KEY, originPattern } from '../../core/sources/custom-helpdesks';
import type { HelpdeskBrowser } from './helpdesk-scripts';

/**
 * browser.* for the helpdesk registrations. Chrome MV3 and Firefox (MV2 too, from Firefox 102; persistence
 * from 105) share scripting.registerContentScripts; Firefox before 128 knows no `world`, so it is sent only
 * for the page-world bridge, which only MV3 registers.
 */
export function browserHelpdeskScripts(): HelpdeskBrowser {
  const base = browser.runtime.getURL('/');
  // Registered files come back as given or as full URLs, depending on the browser.
  const relative = (path: string) => (path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, ''));
  return {
    load: async () => (await browser.storage.local.get(CUSTOM_HELPDESKS_KEY))[CUSTOM_HELPDESKS_KEY],
    save: (list) => browser.storage.local.set({ [CUSTOM_HELPDESKS_KEY]: list }),
    hasAccess: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
    async dropAccess(origin) {
      await browser.permissions.remove({ origins: [originPattern(origin)] });
    },
    async registered() {
      const all = await browser.scripting.getRegisteredContentScripts();
      return all.map((s) => ({ id: s.id, matches: s.matches ?? [], js: (s.js ?? []).map(relative), world: s.world === 'MAIN' ? 'MAIN' : 'ISOLATED' }));
    },
    async register(scripts) {
      await browser.scripting.registerContentScripts(
        scripts.map(({ world, ...s }) => ({
          ...s,
          ...(world === 'MAIN' ? { world } : {}),
          runAt: 'document_idle',
          allFrames: false,
          persistAcrossSessions: true,
        })),
      );
    },
    unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
    mainWorldBridge: import.meta.env.MANIFEST_VERSION === 3,
  };
}
