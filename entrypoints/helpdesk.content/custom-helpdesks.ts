import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CustomHelpdesk } from '../../core/schema/custom-helpdesks';
import { CUSTOM_HELPDESKS_KEY, readCustomHelpdesks } from '../../core/sources/custom-helpdesks';
import { log } from './log';

/**
 * The helpdesk addresses the agent added in the options page, read before the page is looked at and kept
 * current while it lives (`onChange` runs after each change). Unreadable storage means none: the built-in
 * hosts still work.
 */
export async function watchCustomHelpdesks(ctx: ContentScriptContext, onChange: () => void): Promise<() => readonly CustomHelpdesk[]> {
  let list: readonly CustomHelpdesk[] = [];
  try {
    list = readCustomHelpdesks((await browser.storage.local.get(CUSTOM_HELPDESKS_KEY))[CUSTOM_HELPDESKS_KEY]);
  } catch (e) {
    log.info('could not read the added helpdesk addresses', e);
  }
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(CUSTOM_HELPDESKS_KEY in changes)) return;
    list = readCustomHelpdesks(changes[CUSTOM_HELPDESKS_KEY]?.newValue);
    onChange();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
  return () => list;
}
