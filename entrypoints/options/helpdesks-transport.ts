import { browser } from 'wxt/browser';
import type { HelpdeskTransport } from '../../components/options/helpdesks-transport';
import { HelpdeskAnswer, type HelpdeskRequest } from '../../core/messages/added-helpdesks';
import { parseCustomHelpdesks } from '../../core/schema/custom-helpdesks';
import { CUSTOM_HELPDESKS_KEY, originPattern } from '../../core/sources/custom-helpdesks';

/** Sends a request to the background, which alone writes the list and the registrations. */
async function ask(request: HelpdeskRequest): Promise<HelpdeskAnswer> {
  const answer = HelpdeskAnswer.safeParse(await browser.runtime.sendMessage(request));
  return answer.success ? answer.data : { ok: false, reason: 'error', message: 'the extension’s background gave no usable answer' };
}

/** The real transport: storage for the list, the permissions API for access, the background for the rest. */
export function createHelpdeskTransport(): HelpdeskTransport {
  return {
    watch(cb) {
      let live = true;
      void browser.storage.local.get(CUSTOM_HELPDESKS_KEY).then((all) => live && cb(parseCustomHelpdesks(all[CUSTOM_HELPDESKS_KEY])));
      const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && CUSTOM_HELPDESKS_KEY in changes) cb(parseCustomHelpdesks(changes[CUSTOM_HELPDESKS_KEY]?.newValue));
      };
      browser.storage.onChanged.addListener(onChange);
      return () => {
        live = false;
        browser.storage.onChanged.removeListener(onChange);
      };
    },
    // No await before this call: the browser only shows the prompt during the user's click.
    requestAccess: (origin) => browser.permissions.request({ origins: [originPattern(origin)] }),
    add: (helpdesk) => ask({ kind: 'helpdesks', action: 'add', helpdesk }),
    remove: (origin) => ask({ kind: 'helpdesks', action: 'remove', origin }),
  };
}
