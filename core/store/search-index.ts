/** What the in-memory search keeps of one dossier. */
export interface IndexedClient {
  key: string;
  lastSeen: number;
  searchTokens: readonly string[];
}

/** Between tokens in a dossier's line: a query word never holds it (words are split on white space). */
const SEP = '\n';

/** Newest first; dossiers seen at the same moment, higher key first (as IndexedDB's reverse index walk gives them). */
const newer = (aSeen: number, aKey: string, bSeen: number, bKey: string) => aSeen > bSeen || (aSeen === bSeen && aKey > bKey);

/**
 * Every dossier's search words in memory, one line per dossier: a query is answered by scanning the lines
 * (one native substring search per word and dossier) and keeping the newest matches. No IndexedDB read is
 * needed until the few records found are shown. Slots of removed dossiers are reused.
 */
export class SearchIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly keys: (string | undefined)[] = [];
  private readonly seen: number[] = [];
  private readonly lines: string[] = [];
  private readonly free: number[] = [];

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
    }
    this.seen[slot] = c.lastSeen;
    this.lines[slot] = SEP + c.searchTokens.join(SEP);
  }

  delete(key: string): void {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return;
    this.slotOf.delete(key);
    this.keys[slot] = undefined;
    this.lines[slot] = '';
    this.free.push(slot);
  }

  /**
   * Keys of the newest `limit` dossiers that have, for every word, a token starting with it; newest first.
   * No words: the newest dossiers.
   */
  find(words: readonly string[], limit: number): string[] {
    if (limit <= 0) return [];
    const needles = words.map((w) => SEP + w);
    // The best `limit` so far, newest first, as parallel arrays of slot and lastSeen.
    const top: number[] = [];
    const { keys, seen, lines } = this;
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot];
      if (key === undefined) continue;
      const s = seen[slot]!;
      if (top.length === limit) {
        const last = top[limit - 1]!;
        if (!newer(s, key, seen[last]!, keys[last]!)) continue;
      }
      const line = lines[slot]!;
      if (!needles.every((n) => line.includes(n))) continue;
      // Binary insertion: matches are rarely newer than the whole top list, so this stays cheap.
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const m = top[mid]!;
        if (newer(s, key, seen[m]!, keys[m]!)) hi = mid;
        else lo = mid + 1;
      }
      top.splice(lo, 0, slot);
      if (top.length > limit) top.pop();
    }
    return top.map((slot) => keys[slot]!);
  }
}
