import { browser } from 'wxt/browser';
import { parsePack } from '../../core/pack/parse';
import type { StrategyPack } from '../../core/pack/schema';

let pending: Promise<StrategyPack> | undefined;

/** The built-in pack shipped with the extension as data (public/packs/default.json), read once. */
export function loadBundledPack(): Promise<StrategyPack> {
  pending ??= fetch(browser.runtime.getURL('/packs/default.json'))
    .then((r) => r.text())
    .then((text) => {
      const r = parsePack(text);
      if (!r.ok) throw new Error(`the built-in pack is invalid: ${r.error}`);
      return r.pack;
    });
  return pending;
}
