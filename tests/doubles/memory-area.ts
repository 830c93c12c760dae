import type { StorageAreaLike } from '../../core/input-drafts';

/** A storage area in memory, like `browser.storage.session`: values go in and come out as JSON. */
export function memoryArea(): StorageAreaLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  const keysOf = (keys: string | string[] | null) => (keys === null ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys);
  return {
    items,
    async get(keys) {
      return Object.fromEntries(keysOf(keys).flatMap((k) => (items.has(k) ? [[k, JSON.parse(items.get(k)!)]] : [])));
    },
    async set(values) {
      for (const [k, v] of Object.entries(values)) items.set(k, JSON.stringify(v));
    },
    async remove(keys) {
      for (const k of keysOf(keys)) items.delete(k);
    },
  };
}
