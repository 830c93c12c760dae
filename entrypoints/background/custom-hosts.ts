import { browser } from 'wxt/browser';
import { SOURCES, type SourceId } from '../../core/source-ids';
import { CUSTOM_HELPDESKS_KEY, customHostsOf, readCustomHelpdesks } from '../../core/sources/custom-helpdesks';
import type { CustomHosts } from '../../core/sources/sites';

/** The hosts the agent added, per helpdesk, as saved by the options page. */
export async function customHosts(): Promise<CustomHosts> {
  const list = readCustomHelpdesks((await browser.storage.local.get(CUSTOM_HELPDESKS_KEY))[CUSTOM_HELPDESKS_KEY]);
  const hosts = {} as Record<SourceId, string[]>;
  for (const s of SOURCES) hosts[s] = customHostsOf(list, s);
  return hosts;
}

/**
 * `customHosts`, read once and kept until the list changes: for a caller on a hot path (a turn for every API
 * request), which should not read storage each time.
 */
export function cachedCustomHosts(): () => Promise<CustomHosts> {
  let kept: Promise<CustomHosts> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CUSTOM_HELPDESKS_KEY in changes) kept = undefined;
  });
  return () => {
    kept ??= customHosts().catch((e: unknown) => {
      kept = undefined;
      throw e;
    });
    return kept;
  };
}
