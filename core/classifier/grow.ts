/**
 * A copy of `a` with room for index `size - 1`: at least double its length (so growing is rare) and at least
 * `least`; its old values kept, the new places `fill`. The classifier's per-id tables grow this way.
 */
export function grownInts(a: Int32Array, size: number, fill = 0, least = 0): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(size, a.length * 2, least));
  if (fill) grown.fill(fill, a.length);
  grown.set(a);
  return grown;
}
