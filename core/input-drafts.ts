import { z } from './schema/zod';

/*
 * What the agent typed into a panel input and has not saved yet (a note, a tag), kept per client and per input
 * until it is saved or cleared: it comes back after a panel reload or a ticket switch, and never shows for
 * another client. The side panel keeps drafts in the browser's session storage (memory only, gone when the
 * browser closes, out of content scripts' reach); here is only the logic, over any storage area.
 */

/** The panel inputs whose unsaved text is kept. */
export const DraftInput = z.enum(['note', 'tag']);
export type DraftInput = z.infer<typeof DraftInput>;

export const DRAFT_PREFIX = 'draft:';
/** One key per client and input, so that two panels keeping different drafts never write the same record. */
export const draftKey = (clientKey: string, input: DraftInput) => `${DRAFT_PREFIX}${input}:${clientKey}`;

/** At most this many drafts are kept (the least recently typed go first), each at most this long, for at most a week. */
export const MAX_DRAFTS = 50;
export const MAX_DRAFT_CHARS = 20_000;
export const MAX_DRAFT_AGE_MS = 7 * 86_400_000;

const StoredDraft = z.object({ text: z.string().check(z.minLength(1), z.maxLength(MAX_DRAFT_CHARS)), at: z.number() });

/** The shape of a browser storage area (`storage.session`), described here so that core/ needs no browser types. */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface DraftStore {
  /** The client's unsaved text in this input; '' when there is none (or it is too old, or not a draft). */
  load(clientKey: string, input: DraftInput): Promise<string>;
  /** Keeps the text as the client's draft in this input; an empty text removes the draft (saved or cleared). */
  save(clientKey: string, input: DraftInput, text: string): Promise<void>;
  /** Removes every draft of these clients (a forgotten client leaves no trace). */
  forget(clientKeys: readonly string[]): Promise<void>;
}

/** Drafts in a storage area, bounded: each new one drops the oldest beyond MAX_DRAFTS and any older than a week. */
export function draftStore(area: StorageAreaLike, now: () => number = Date.now): DraftStore {
  /** Drafts this page has written: the bounds are checked when one is first written, not on every keystroke. */
  const written = new Set<string>();
  async function evict() {
    const t = now();
    const drafts = Object.entries(await area.get(null))
      .filter(([k]) => k.startsWith(DRAFT_PREFIX))
      .map(([k, v]) => ({ k, at: StoredDraft.safeParse(v).data?.at ?? -Infinity }))
      .sort((a, b) => b.at - a.at);
    const drop = drafts.filter((d, i) => i >= MAX_DRAFTS || t - d.at > MAX_DRAFT_AGE_MS).map((d) => d.k);
    if (drop.length) await area.remove(drop);
  }
  return {
    async load(clientKey, input) {
      const key = draftKey(clientKey, input);
      const draft = StoredDraft.safeParse((await area.get(key))[key]);
      return draft.success && now() - draft.data.at <= MAX_DRAFT_AGE_MS ? draft.data.text : '';
    },
    async save(clientKey, input, text) {
      const key = draftKey(clientKey, input);
      if (!text.trim()) {
        written.delete(key);
        return area.remove(key);
      }
      await area.set({ [key]: { text: text.slice(0, MAX_DRAFT_CHARS), at: now() } });
      if (written.has(key)) return;
      written.add(key);
      await evict();
    },
    forget: (clientKeys) => area.remove(clientKeys.flatMap((k) => DraftInput.options.map((input) => draftKey(k, input)))),
  };
}
