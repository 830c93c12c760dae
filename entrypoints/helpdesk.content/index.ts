import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { HELPDESK_HOST_PATTERNS } from '../../core/hosts';
import type { PageReport } from '../../core/protocol';
import { log } from './log';
import { watchPage } from './watch-page';

export default defineContentScript({
  matches: HELPDESK_HOST_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    const report = (r: PageReport) => {
      if (ctx.isInvalid) return;
      browser.runtime.sendMessage(r).catch((e: unknown) => log.info('background did not take the report', e));
    };
    try {
      watchPage(ctx, report);
    } catch (e) {
      log.warn('Tipazh stopped on this page', e);
    }
  },
});
