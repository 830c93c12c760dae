/*
 * Tag lists as helpdesks compare them: by lower case. Free of schema libraries: the content script's writers and
 * the background's queue both use them.
 */

export const lowerSet = (tags: readonly string[]) => new Set(tags.map((t) => t.toLowerCase()));

/** `tags` without any of `drop` (any case). */
export function without(tags: readonly string[], drop: readonly string[]): string[] {
  const d = lowerSet(drop);
  return tags.filter((t) => !d.has(t.toLowerCase()));
}

/** `tags` without `drop`, then `add` (case-insensitive, no duplicates). */
export const applyTagChange = (tags: readonly string[], add: readonly string[], drop: readonly string[]): string[] => [
  ...without(tags, [...drop, ...add]),
  ...add,
];
