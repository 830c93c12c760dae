/*
 * "Did you mean …?" for a misspelled key or value: `boundary` → `boundaries`, `phrasez` → `phrases`,
 * `strategys` → `strategy`, `Phrases` → `phrases`.
 */

/** Edit distance with adjacent transpositions (optimal string alignment), on two short strings. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The candidate `word` was most likely meant to be, or none: close in spelling (a few letters off, more for a
 * longer word), or sharing a long start (`boundry` → `boundaries`). Case is ignored; the candidate is returned
 * as written. Words longer than 64 characters are never matched (no one mistypes those).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (!w || w.length > 64) return undefined;
  const limit = w.length <= 3 ? 1 : w.length <= 5 ? 2 : 3;
  let best: { c: string; d: number; p: number } | undefined;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc === word) continue;
    const d = editDistance(w, lc);
    const p = commonPrefix(w, lc);
    const close = d <= limit && d < lc.length;
    const sameStart = p >= 5 && p >= 0.6 * w.length;
    if (!close && !sameStart) continue;
    if (!best || d < best.d || (d === best.d && p > best.p)) best = { c, d, p };
  }
  return best?.c;
}
