import { browser } from 'wxt/browser';
import type { StrategyPack } from '../../core/pack/schema';

let pending: Promise<StrategyPack> | undefined;

/**
 * The built-in pack shipped with the extension as data (public/packs/default.json), read once. It is part of
 * the build like the code itself, so it is not checked again here: tests/unit/pack/default-pack.test.ts holds it to
 * the strict pack schema, and the schema stays out of the service worker's bundle.
 */
export function loadBundledPack(): Promise<StrategyPack> {
  pending ??= fetch(browser.runtime.getURL('/packs/default.json')).then((r) => r.json() as Promise<StrategyPack>);
  return pending;
}
