import { summaryOf, type ClientSummary } from './dossier-view';
import { PHONE_MARK } from './phone-search';
import type { QueryWord } from './search';

/** What the in-memory search takes of one dossier: what the list shows, and the words it is found by. */
export type IndexedClient = ClientSummary & { searchTokens: readonly string[] };

/** Between tokens in a dossier's line: a query word never holds it (words are split on white space). */
const SEP = '\n';
/** Where a line's phone numbers begin: they come after its other words. */
const PHONES = SEP + PHONE_MARK;

/** A query word, ready to check lines: `needles` are the strings a block holding a match must contain. */
interface Matcher {
  needles: string[];
  test: (line: string) => boolean;
}

function matcherOf(w: QueryWord): Matcher {
  const prefixes = w.prefixes.map((p) => SEP + p);
  const start = w.phone?.start === undefined ? undefined : PHONES + w.phone.start;
  const anywhere = w.phone?.anywhere;
  const all = [...new Set([...prefixes, ...(start ? [start] : []), ...(anywhere ? [anywhere] : [])])];
  // A block holding a needle holds every needle inside it: those alone need looking for ("903000" for "\n903000").
  const needles = all.filter((n) => !all.some((m) => m !== n && n.includes(m)));
  return {
    needles,
    test(line) {
      for (const p of prefixes) if (line.includes(p)) return true;
      if (start && line.includes(start)) return true;
      if (!anywhere) return false;
      const at = line.indexOf(PHONES);
      return at >= 0 && line.includes(anywhere, at);
    },
  };
}

/** A dossier's line: its words, then its phone numbers (which a query may find by digits anywhere in them). */
const lineOf = (tokens: readonly string[]) => {
  const phones = tokens.filter((t) => t.startsWith(PHONE_MARK));
  const rest = phones.length ? tokens.filter((t) => !t.startsWith(PHONE_MARK)) : tokens;
  return SEP + [...rest, ...phones].join(SEP);
};

/** Newest first; dossiers seen at the same moment, higher key first (as IndexedDB's reverse index walk gives them). */
const newer = (aSeen: number, aKey: string, bSeen: number, bKey: string) => aSeen > bSeen || (aSeen === bSeen && aKey > bKey);

/**
 * Every dossier's search words in memory, one line per dossier, with what the client list shows of it, and
 * the dossiers in order, newest first. A query walks that order and checks each line (one native substring
 * search per word), so a common word stops after `limit` matches among the newest. A word rare among the
 * newest is then looked for in blocks of lines joined into one string: one search per block skips every
 * block without it, and only the lines of the others are checked. Neither touches IndexedDB.
 * Slots of removed dossiers are reused.
 */
export class SearchIndex {
  private readonly walk: number;
  private readonly blockSize: number;
  private readonly slotOf = new Map<string, number>();
  private readonly keys: (string | undefined)[] = [];
  private readonly seen: number[] = [];
  private readonly lines: string[] = [];
  private readonly summaries: (ClientSummary | undefined)[] = [];
  private readonly free: number[] = [];
  /** Each block's lines joined, built when a search needs it; undefined once a line in it changed. */
  private readonly blocks: (string | undefined)[] = [];
  /** Slots newest first, kept in order by every put and delete once sorted; rebuilt after a bulk load. */
  private order: number[] = [];
  private ordered = false;

  /**
   * `walk`: dossiers checked one by one, newest first, before rarer matches are looked for block by block;
   * `blockSize`: lines per block. Tests make both small.
   */
  constructor({ walk = 2048, blockSize = 256 }: { walk?: number; blockSize?: number } = {}) {
    this.walk = Math.max(1, walk);
    this.blockSize = Math.max(1, blockSize);
  }

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
    this.lines[slot] = lineOf(c.searchTokens);
    this.blocks[Math.floor(slot / this.blockSize)] = undefined;
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
    this.blocks[Math.floor(slot / this.blockSize)] = undefined;
    this.summaries[slot] = undefined;
    this.free.push(slot);
  }

  /** Characters held in the dossiers' lines: the index's size (about twice as many bytes). */
  get textLength(): number {
    let n = 0;
    for (const slot of this.slotOf.values()) n += this.lines[slot]!.length;
    return n;
  }

  /**
   * The newest `limit` dossiers that have every query word (a token starting with one of its prefixes, or a
   * phone holding its digits); newest first. No words: the newest dossiers.
   */
  find(words: readonly QueryWord[], limit: number): ClientSummary[] {
    if (limit <= 0) return [];
    // Longest first: the rarest word rules most dossiers out with one check.
    const longest = (m: Matcher) => Math.max(...m.needles.map((n) => n.length));
    const matchers = words.map(matcherOf).sort((a, b) => longest(b) - longest(a));
    const { lines, summaries, seen, keys } = this;
    const has = (slot: number) => matchers.every((m) => m.test(lines[slot]!));
    this.sort();
    const { order } = this;
    const out: ClientSummary[] = [];
    const walked = Math.min(order.length, this.walk);
    for (let i = 0; i < walked; i++) if (has(order[i]!) && out.push(summaries[order[i]!]!) === limit) return out;
    if (walked === order.length) return out;
    // The rest, block by block: every line older than the last one walked that matches, newest kept.
    const last = order[walked - 1]!;
    const older = (slot: number) => newer(seen[last]!, keys[last]!, seen[slot]!, keys[slot]!);
    const rest: number[] = [];
    const want = limit - out.length;
    const first = matchers[0]?.needles ?? [SEP];
    for (let b = 0; b * this.blockSize < keys.length; b++) {
      const text = this.blockText(b);
      if (!first.some((n) => text.includes(n))) continue;
      const end = Math.min(keys.length, (b + 1) * this.blockSize);
      for (let slot = b * this.blockSize; slot < end; slot++) {
        if (keys[slot] === undefined || !older(slot) || !has(slot)) continue;
        rest.splice(newestPosition(rest, slot, seen, keys), 0, slot);
        if (rest.length > want) rest.pop();
      }
    }
    for (const slot of rest) out.push(summaries[slot]!);
    return out;
  }

  private blockText(b: number): string {
    return (this.blocks[b] ??= this.lines.slice(b * this.blockSize, (b + 1) * this.blockSize).join(''));
  }

  /** Where `slot` is (or belongs) in the order. */
  private positionOf(slot: number): number {
    return newestPosition(this.order, slot, this.seen, this.keys);
  }

  /** Sorts the dossiers once after a bulk load (100k take about 0.1 s); from then on, puts keep the order. */
  sort(): void {
    if (this.ordered) return;
    const { seen, keys } = this;
    this.order = [...this.slotOf.values()].sort((a, b) => (newer(seen[a]!, keys[a]!, seen[b]!, keys[b]!) ? -1 : 1));
    this.ordered = true;
  }
}

/** Where `slot` belongs in `list` (slots, newest first): the first position not newer than it. */
function newestPosition(list: readonly number[], slot: number, seen: readonly number[], keys: readonly (string | undefined)[]): number {
  const s = seen[slot]!;
  const k = keys[slot]!;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid]!;
    if (newer(seen[m]!, keys[m]!, s, k)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
