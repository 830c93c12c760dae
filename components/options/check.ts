import { computed, signal } from '@preact/signals';
import { parseJsonl, type JsonlProblem, type LabelledCase } from '../../core/eval/labelled';
import type { PackCheck } from '../../core/pack/check';
import { layerPacks } from '../../core/pack/merge';
import type { LocText, StrategyPack } from '../../core/pack/schema';
import type { OptionsTransport } from './transport';

/** What is being checked: an installed pack, the built-in one, or the editor's draft. */
export interface CheckTarget {
  pack: StrategyPack;
  name: LocText;
  /** True for the built-in pack itself, which is checked alone. */
  builtin?: boolean;
}

/**
 * "Check this pack": its own examples, or a labelled .jsonl file, run through the built-in pack with this
 * one layered over it. The run happens off the page's main work (the transport's worker) with progress.
 */
export function createCheck(target: CheckTarget, deps: { builtin: StrategyPack; transport: OptionsTransport }) {
  const own = target.pack.examples ?? [];
  const source = signal<'examples' | 'jsonl'>(own.some((e) => e.label) ? 'examples' : 'jsonl');
  const jsonl = signal('');
  const jsonlName = signal<string | null>(null);
  const parsed = computed(() => (jsonl.value.trim() ? parseJsonl(jsonl.value) : { cases: [] as LabelledCase[], problems: [] as JsonlProblem[] }));
  const cases = computed(() => (source.value === 'examples' ? own : parsed.value.cases));
  const labelled = computed(() => cases.value.filter((c) => c.label));
  const progress = signal<{ done: number; total: number } | null>(null);
  const result = signal<PackCheck | null>(null);
  const error = signal<string | null>(null);
  let abort: AbortController | undefined;
  // The built-in pack with this one layered over it: what the panel would use with only this pack enabled.
  const effective = target.builtin ? deps.builtin : layerPacks([deps.builtin, target.pack]).pack;

  return {
    target,
    effective,
    ownCount: own.filter((e) => e.label).length,
    source,
    jsonl,
    jsonlName,
    /** The lines of the labelled file that were skipped, with their problems. */
    jsonlErrors: computed(() => parsed.value.problems),
    labelled,
    progress,
    running: computed(() => progress.value !== null),
    result,
    error,
    setJsonl(text: string, name: string | null = null) {
      jsonl.value = text.replace(/^\uFEFF/, '');
      jsonlName.value = name;
      source.value = 'jsonl';
    },
    async run() {
      const examples = labelled.value;
      if (!examples.length || abort) return;
      abort = new AbortController();
      const signal = abort.signal;
      error.value = null;
      result.value = null;
      progress.value = { done: 0, total: examples.length };
      try {
        const r = await deps.transport.runCheck(effective, examples, (done, total) => void (progress.value = { done, total }), signal);
        if (!signal.aborted) result.value = r;
      } catch (e) {
        if (!signal.aborted) error.value = e instanceof Error ? e.message : String(e);
      } finally {
        progress.value = null;
        abort = undefined;
      }
    },
    cancel() {
      abort?.abort();
    },
  };
}
export type Check = ReturnType<typeof createCheck>;
