import { browser } from 'wxt/browser';
import type { DataTransport } from '../../components/options/data-transport';
import { dataService } from '../../core/backup/service';
import { TipazhDb } from '../../core/store/db';
import { Lang } from '../../core/taxonomy';

const LANG_KEY = 'settings.lang';

/** Backups and the never-record list over the extension's own database; the language travels along. */
export function createDataTransport(download: (name: string, text: string) => void): DataTransport {
  const service = dataService(new TipazhDb(), {
    read: async () => ({ lang: (await browser.storage.local.get(LANG_KEY))[LANG_KEY] }),
    apply: async (s) => {
      const lang = Lang.safeParse(s.lang);
      if (lang.success) await browser.storage.local.set({ [LANG_KEY]: lang.data });
    },
  });
  return { ...service, download };
}
