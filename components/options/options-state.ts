import { computed, signal } from '@preact/signals';
import type { PackChange } from '../../core/pack/diff';
import type { LocText, StrategyPack } from '../../core/pack/schema';
import type { Issue } from '../../core/schema/issue-text';
import type { InstalledPack } from '../../core/store/db';
import { effectiveOf } from '../../core/store/packs';
import type { Check } from './check';
import type { Editor } from './editor';
import type { MessageKey } from './i18n';
import type { PackSource } from './transport';

/** A button a notice offers (e.g. "Open in the editor to fix"). */
export interface NoticeAction {
  key: MessageKey;
  testId: string;
  run(): void;
}

/**
 * A message for the user, kept as a key so it follows a language switch; `detail` is shown as is (e.g. an HTTP
 * status), `issues` (a refused pack's problems at their JSON paths) in the UI language.
 */
export interface Notice {
  tone: 'ok' | 'error' | 'info';
  key: MessageKey;
  /** Pack names stay `{en, ru}` so the message follows a language switch. */
  vars?: Record<string, string | number | LocText>;
  detail?: string;
  issues?: readonly Issue[];
  action?: NoticeAction;
}

/** Work in progress that the page shows with a progress indicator; some of it can be cancelled. */
export interface Busy {
  key: MessageKey;
  vars?: Notice['vars'];
  cancel?: () => void;
}

/** An import of a pack whose id is installed already: waits for "replace version X with Y?". */
export interface ReplaceOffer {
  pack: StrategyPack;
  source: PackSource;
  existing: InstalledPack;
  changes: PackChange[];
}

export type UpdateStatus =
  | { kind: 'checking' }
  | { kind: 'same' }
  | { kind: 'older' }
  | { kind: 'error'; key: MessageKey; vars?: Record<string, string | number>; detail?: string; issues?: readonly Issue[] };

export type View = { kind: 'list' } | { kind: 'editor'; editor: Editor } | { kind: 'check'; check: Check; back: View };

/** The options page's shared state: what every part of its model reads and writes. */
export function optionsState() {
  const builtin = signal<StrategyPack | null>(null);
  /** Installed packs, bottom layer first. */
  const packs = signal<InstalledPack[]>([]);
  const notice = signal<Notice | null>(null);
  return {
    loadError: signal<string | null>(null),
    builtin,
    packs,
    effective: computed(() => (builtin.value ? effectiveOf(builtin.value, packs.value) : null)),
    busy: signal<Busy | null>(null),
    notice,
    replaceOffer: signal<ReplaceOffer | null>(null),
    updates: signal<Record<string, UpdateStatus>>({}),
    view: signal<View>({ kind: 'list' }),
    say: (tone: Notice['tone'], key: MessageKey, vars?: Notice['vars'], detail?: string) => void (notice.value = { tone, key, vars, detail }),
  };
}
export type OptionsState = ReturnType<typeof optionsState>;

/** A pack's name for messages (its id when it has none). */
export const nameOf = (p: { name: LocText; id: string }): LocText => (p.name.en || p.name.ru ? p.name : { en: p.id });
