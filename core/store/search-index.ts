import { summaryOf, type ClientSummary } from './dossier-view';

/** What the in-memory search takes of one dossier: what the list shows, and the words it is found by. */
export type IndexedClient = ClientSummary & { searchTokens: readonly string[] };

/** Between tokens in a dossier's line: a query word never holds it (words are split on white space). */
const SEP = '\n';

/** Newest first; dossiers seen at the same moment, higher key first (as IndexedDB's reverse index walk gives them). */
const newer = (aSeen: number, aKey: string, bSeen: number, bKey: string) => aSeen > bSeen || (aSeen === bSeen && aKey > bKey);

/**
 * Every dossier's search words in memory, one line per dossier, with what the client list shows of it, and
 * the dossiers in order, newest first. A query walks that order and checks each line (one native substring
 * search per word), so a common word stops after `limit` matches among the newest; a rare one reads every
 * line once. Neither touches IndexedDB. Slots of removed dossiers are reused.
 */
export class SearchIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly keys: (string | undefined)[] = [];
  private readonly seen: number[] = [];
  private readonly lines: string[] = [];
  private readonly summaries: (ClientSummary | undefined)[] = [];
  private readonly free: number[] = [];
  /** Slots newest first, kept in order by every put and delete once sorted; rebuilt after a bulk load. */
  private order: number[] = [];
  private ordered = false;

  get size(): number {
    return this.slotOf.size;
  }

  has(key: string): boolean {
    return this.slotOf.has(key);
  }

  put(c: IndexedClient): void {
    let slot = this.slotOf.get(c.key);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.keys.length;
      this.slotOf.set(c.key, slot);
      this.keys[slot] = c.key;
    } else if (this.ordered) this.order.splice(this.positionOf(slot), 1);
    this.seen[slot] = c.lastSeen;
    this.lines[slot] = SEP + c.searchTokens.join(SEP);
    this.summaries[slot] = summaryOf(c);
    if (this.ordered) this.order.splice(this.positionOf(slot), 0, slot);
  }

  delete(key: string): void {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return;
    if (this.ordered) this.order.splice(this.positionOf(slot), 1);
    this.slotOf.delete(key);
    this.keys[slot] = undefined;
    this.lines[slot] = '';
    this.summaries[slot] = undefined;
    this.free.push(slot);
  }

  /**
   * The newest `limit` dossiers that have, for every word, a token starting with it; newest first. No
   * words: the newest dossiers.
   */
  find(words: readonly string[], limit: number): ClientSummary[] {
    if (limit <= 0) return [];
    // Longest first: the rarest word rules most dossiers out with one check.
    const needles = words.map((w) => SEP + w).sort((a, b) => b.length - a.length);
    const { lines, summaries } = this;
    const order = this.newestFirst();
    const out: ClientSummary[] = [];
    for (const slot of order) {
      const line = lines[slot]!;
      let all = true;
      for (const n of needles) if (!(all = line.includes(n))) break;
      if (all && out.push(summaries[slot]!) === limit) break;
    }
    return out;
  }

  /** Where `slot` is (or belongs) in the order: the first position not newer than it. */
  private positionOf(slot: number): number {
    const { order, seen, keys } = this;
    const s = seen[slot]!;
    const k = keys[slot]!;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = order[mid]!;
      if (newer(seen[m]!, keys[m]!, s, k)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Sorts the dossiers once after a bulk load (100k take about 0.1 s); from then on, puts keep the order. */
  sort(): void {
    if (this.ordered) return;
    const { seen, keys } = this;
    this.order = [...this.slotOf.values()].sort((a, b) => (newer(seen[a]!, keys[a]!, seen[b]!, keys[b]!) ? -1 : 1));
    this.ordered = true;
  }

  private newestFirst(): number[] {
    this.sort();
    return this.order;
  }
}
