import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The tags of the fake helpdesks' clients, kept per fake server (each test starts from the fixture files),
 * and what both helpdesks share about them: the state, the write events, the walk that shows the current
 * tags in every answer. What differs (paths, body shapes, tag normalisation) is each helpdesk's TagModel:
 * tests/support/zendesk-tags.ts and tests/support/amocrm-tags.ts.
 */

export type TagKind = 'user' | 'organization' | 'ticket' | 'contact' | 'company';
export interface EntityRef {
  kind: TagKind;
  id: string;
}
/** One entity's state: its tags (in order) and its last update (ms, whole seconds). */
export interface TaggedEntity {
  tags: string[];
  updatedAt: number;
}
/** A successful tag write by the code under test. */
export interface TagWrite extends EntityRef {
  method: string;
  /** The entity's whole tag list after the write. */
  tags: string[];
}

/** What a test reads and changes of the fake helpdesk's tags. */
export interface TagControl {
  /** The entity's current tags; throws for an entity the fixture does not have. */
  tagsOf(kind: TagKind, id: string): string[];
  /** A teammate's change made meanwhile: the whole list, normalised as the helpdesk does, and a newer `updated_at`. */
  setTags(kind: TagKind, id: string, tags: string[]): void;
  /** Called after each successful tag write (e.g. to `setTags` between a write and the re-read); undefined: none. */
  onWrite(fn: ((w: TagWrite) => void) | undefined): void;
}

/** A request to the fake API as the tag model sees it. */
export interface ApiRequest {
  path: string;
  url: URL;
  /** Upper case. */
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when there is none or it is not JSON. */
  body: unknown;
}
export interface ApiReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Json = Record<string, unknown>;
export const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isRead = (method: string): boolean => method === 'GET' || method === 'HEAD';

/** One helpdesk's tag API: where its entities are, how they show tags, and its tag endpoints. */
export interface TagModel {
  /** Entity kind → the API folder with one file per entity (`user: 'users'` → `api/users/{id}.json`). */
  folders: Partial<Record<TagKind, string>>;
  /** The entity's tags (with the helpdesk's tag ids, if it has them) and last update (ms), from its own file. */
  initial(kind: TagKind, file: Json): { tags: { name: string; id?: number }[]; updatedAt: number };
  /** Which entity an object inside an answer is (`key`: the property holding it or its array), if it shows tags. */
  locate(obj: Json, key: string | undefined): EntityRef | undefined;
  /** Puts the entity's current tags and update time on `obj`; true when that changed it. */
  show(obj: Json, ref: EntityRef, entity: TaggedEntity, store: TagStore): boolean;
  /** Tag names as the helpdesk stores what it was sent. */
  normalise(tags: readonly unknown[]): string[];
  /** The answer of the tag API (and of the helpdesk's checks on every write); undefined: not the tag API's request. */
  answer(req: ApiRequest, store: TagStore, notFound: unknown): ApiReply | undefined;
}

export interface TagStore extends TagControl {
  /** The entity's current state; undefined when the fixture does not have it. */
  get(kind: TagKind, id: string): TaggedEntity | undefined;
  /** A write by the code under test: replaces the tags, advances `updatedAt`, tells `onWrite`; returns the state written (before `onWrite`). */
  write(kind: TagKind, id: string, method: string, tags: string[]): TaggedEntity;
  /** A change of the entity that leaves its tags: advances `updatedAt`. */
  touch(kind: TagKind, id: string): TaggedEntity;
  /**
   * The id of a tag name among the kind's tags (amo keeps one list per entity type, with ids): the fixture's
   * tags, then every name written or set, each with a new id.
   */
  tagId(kind: TagKind, name: string): number;
  /** The name of the kind's tag `id`; undefined for an unknown id. */
  tagName(kind: TagKind, id: number): string | undefined;
  /** Every tag of the kind, in the order of their ids. */
  tagList(kind: TagKind): { id: number; name: string }[];
}

/** The names in order, each once. */
export const uniqueTags = (names: readonly string[]): string[] => [...new Set(names.filter(Boolean))];
/** Sets `obj[key]` to `value` unless it already holds the same; true when it changed. */
export function put(obj: Json, key: string, value: unknown): boolean {
  if (JSON.stringify(obj[key]) === JSON.stringify(value)) return false;
  obj[key] = value;
  return true;
}

/** The state of one fake server's entities, read from the fixture files at first use. */
export function tagStore(dir: string, model: TagModel): TagStore {
  let entities: Map<string, TaggedEntity> | undefined;
  const ids = new Map<TagKind, Map<string, number>>();
  let listener: ((w: TagWrite) => void) | undefined;
  const keyOf = (kind: TagKind, id: string) => `${kind}/${id}`;
  const idsOf = (kind: TagKind) => ids.get(kind) ?? ids.set(kind, new Map()).get(kind)!;

  const load = (): Map<string, TaggedEntity> => {
    const all = new Map<string, TaggedEntity>();
    for (const [kind, folder] of Object.entries(model.folders) as [TagKind, string][]) {
      const base = join(dir, 'api', folder);
      if (!existsSync(base)) continue;
      for (const name of readdirSync(base).filter((n) => /^\d+\.json$/.test(n))) {
        const text = readFileSync(join(base, name), 'utf8');
        if (text.trim() === '__204__') continue; // a deleted entity
        const { tags, updatedAt } = model.initial(kind, JSON.parse(text));
        for (const t of tags) if (t.id !== undefined && !idsOf(kind).has(t.name)) idsOf(kind).set(t.name, t.id);
        all.set(keyOf(kind, name.slice(0, -'.json'.length)), { tags: uniqueTags(tags.map((t) => t.name)), updatedAt });
      }
    }
    return all;
  };
  const all = () => (entities ??= load()); // also reads the fixture's tag ids
  const get = (kind: TagKind, id: string) => all().get(keyOf(kind, String(id)));
  const known = (kind: TagKind, id: string): TaggedEntity => {
    const e = get(kind, id);
    if (!e) throw new Error(`the fake helpdesk has no ${kind} ${id} (tests/fixtures: ${dir})`);
    return e;
  };
  const touch = (kind: TagKind, id: string): TaggedEntity => {
    const e = known(kind, id);
    e.updatedAt = Math.max(Math.floor(Date.now() / 1000) * 1000, e.updatedAt + 1000);
    return e;
  };
  const tagId = (kind: TagKind, name: string): number => {
    all();
    const list = idsOf(kind);
    if (!list.has(name)) list.set(name, Math.max(10_000, ...list.values()) + 1);
    return list.get(name)!;
  };
  /** The entity's new tag list (each name in the kind's tags); returns a copy of the state written. */
  const replace = (kind: TagKind, id: string, tags: readonly string[]): TaggedEntity => {
    const e = touch(kind, id);
    e.tags = [...tags];
    for (const name of e.tags) tagId(kind, name);
    return { tags: [...e.tags], updatedAt: e.updatedAt };
  };

  return {
    get,
    touch,
    tagId,
    tagName: (kind, id) => (all(), [...idsOf(kind)].find(([, i]) => i === id)?.[0]),
    tagList: (kind) => (all(), [...idsOf(kind)].map(([name, id]) => ({ id, name })).sort((a, b) => a.id - b.id)),
    tagsOf: (kind, id) => [...known(kind, id).tags],
    setTags(kind, id, tags) {
      replace(kind, id, model.normalise(tags));
    },
    onWrite(fn) {
      listener = fn;
    },
    write(kind, id, method, tags) {
      const after = replace(kind, id, tags);
      listener?.({ kind, id: String(id), method, tags: [...after.tags] });
      return after;
    },
  };
}

/**
 * Shows the current state in an API answer: every object the model recognises as an entity the store has gets
 * its current tags and update time. True when the answer changed (else it can be served as the file is).
 */
export function showTags(answer: unknown, model: TagModel, store: TagStore): boolean {
  let changed = false;
  const visit = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
      return;
    }
    if (!isJson(node)) return;
    const ref = model.locate(node, key);
    const entity = ref && store.get(ref.kind, ref.id);
    if (ref && entity && model.show(node, ref, entity, store)) changed = true;
    for (const [k, v] of Object.entries(node)) visit(v, k);
  };
  visit(answer, undefined);
  return changed;
}
