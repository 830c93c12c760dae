import { computed, signal } from '@preact/signals';
import type { EffectivePack } from '../../core/pack/merge';
import { notAnObject } from '../../core/pack/parse';
import { jsonProblem } from '../../core/schema/json-issue';
import type { StrategyPack } from '../../core/pack/schema';
import type { Issue } from '../../core/schema/issue-text';
import type { InstalledPack } from '../../core/store/db';
import type { InstallOutcome } from '../../core/store/packs';
import type { ClientTypeId } from '../../core/taxonomy';
import { getAt, setAt, validateDraft, type Draft, type Path } from './draft';
import type { PathIssue } from './pack-guard';
import type { PackSource } from './transport';

/** `new`: a pack not installed yet (its id may be edited); `edit`: an installed pack; `personal`: the agent's tweaks. */
export type EditorMode = 'new' | 'edit' | 'personal';

export interface EditorInit {
  draft: Draft;
  mode: EditorMode;
  source: PackSource;
  /** A pack file refused at import, opened to be fixed. */
  refused?: boolean;
}

export interface EditorDeps {
  builtin: StrategyPack;
  /** The layers under this pack, merged: what the agent gets where this pack sets nothing. */
  below: EffectivePack;
  install(pack: StrategyPack, source: PackSource, replace: boolean): Promise<InstallOutcome>;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: string }
  | { kind: 'error'; message: string }
  | { kind: 'confirm-replace'; existing: InstalledPack };

/** The pack editor's state: a JSON draft validated on every change through the pack schema. */
export function createEditor(init: EditorInit, deps: EditorDeps) {
  const draft = signal<Draft>(structuredClone(init.draft));
  const mode = signal<EditorMode>(init.mode);
  const source = signal<PackSource>(init.source);
  const dirty = signal(false);
  const save = signal<SaveState>({ kind: 'idle' });
  const selectedType = signal<ClientTypeId>('extortionist');
  const tab = signal<'form' | 'json'>('form');
  /** The JSON tab's text while it does not parse (or differs from the draft). */
  const rawText = signal<string | null>(null);
  const rawError = signal<Issue | null>(null);

  const validation = computed<{ issues: PathIssue[]; pack: StrategyPack | null }>(() => validateDraft(draft.value, deps.builtin.id));

  const set = (path: Path, value: unknown) => {
    draft.value = setAt(draft.value, path, value);
    dirty.value = true;
    if (save.value.kind !== 'saving') save.value = { kind: 'idle' };
  };

  async function write(replace: boolean) {
    const pack = validation.value.pack;
    if (!pack) return;
    save.value = { kind: 'saving' };
    try {
      const outcome = await deps.install(structuredClone(pack), source.value, replace);
      if (outcome.status === 'exists') {
        save.value = { kind: 'confirm-replace', existing: outcome.existing };
        return;
      }
      // Saved once, the pack is installed: from now on saving replaces it, and its id stays.
      if (mode.value === 'new') {
        mode.value = 'edit';
        source.value = outcome.record.source;
      }
      dirty.value = false;
      save.value = { kind: 'saved', version: pack.version };
    } catch (e) {
      save.value = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  }

  return {
    draft,
    mode,
    source,
    dirty,
    selectedType,
    tab,
    rawText,
    rawError,
    builtin: deps.builtin,
    below: deps.below,
    refused: !!init.refused,
    issues: computed(() => validation.value.issues),
    valid: computed(() => validation.value.issues.length === 0),
    pack: computed(() => validation.value.pack),
    get: (path: Path) => getAt(draft.value, path),
    set,
    /** Replaces the list at `path` with `fn(list)`; an empty list becomes "not set" when `dropEmpty`. */
    updateList<T>(path: Path, fn: (list: T[]) => T[], dropEmpty = false) {
      const cur = getAt(draft.value, path);
      const next = fn(Array.isArray(cur) ? ([...cur] as T[]) : []);
      set(path, dropEmpty && !next.length ? undefined : next);
    },
    /** Renames the key `from` of the object at `path` to `to` (a misspelled key), keeping its value. */
    renameKey(path: Path, from: string, to: string) {
      const value = getAt(draft.value, [...path, from]);
      set([...path, from], undefined);
      set([...path, to], value);
    },
    /** The JSON tab: text that parses as an object replaces the draft; other text stays in the box with where it breaks. */
    setRaw(text: string) {
      rawText.value = text;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        rawError.value = jsonProblem(text, e);
        return;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        rawError.value = notAnObject(parsed);
        return;
      }
      draft.value = parsed as Draft;
      dirty.value = true;
      rawError.value = null;
    },
    showTab(next: 'form' | 'json') {
      tab.value = next;
      rawText.value = null;
      rawError.value = null;
    },
    /** Saves: a new pack is installed (asking before it replaces one with the same id), an existing one replaced. */
    save: () => write(mode.value !== 'new'),
    confirmReplace: () => write(true),
    cancelReplace: () => void (save.value = { kind: 'idle' }),
    saveState: save,
  };
}
export type Editor = ReturnType<typeof createEditor>;
