import type { StrategyPack } from '../pack/schema';
import { VIP_TAG, vipFactsOf, vipOf } from '../vip';
import type { ClientRecord } from './db';
import { summaryOf } from './dossier-view';
import type { IndexedClient } from './search-index';

/**
 * A dossier as the search index holds it: what the list shows (with where its VIP state comes from) and the
 * words it is found by. A VIP, whatever makes them one (`vipOf` with the effective pack), is also found by `vip`.
 */
export function indexedClient(c: ClientRecord, pack: StrategyPack | undefined): IndexedClient {
  const vip = vipOf(vipFactsOf(c), pack)?.source;
  const searchTokens = vip && !c.searchTokens.includes(VIP_TAG) ? [...c.searchTokens, VIP_TAG] : c.searchTokens;
  return { ...summaryOf({ ...c, vip }), searchTokens };
}
