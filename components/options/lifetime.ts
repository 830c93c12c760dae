/**
 * What a model holds while it lives (a timer, a listener, a subscription), ended in one call: the one place
 * the options page's models keep their clean-up, instead of each keeping its own list.
 */
export interface Lifetime {
  /** Aborted when the model ends: pass it on to fetches and prompts. */
  signal: AbortSignal;
  /** Runs `fn` after `ms` unless the model ends first; returns a cancel. */
  later(fn: () => void, ms: number): () => void;
  /** Runs `fn` when the model ends. */
  onEnd(fn: () => void): void;
  end(): void;
}

export function lifetime(): Lifetime {
  const life = new AbortController();
  const endings = new Set<() => void>();
  return {
    signal: life.signal,
    later(fn, ms) {
      const id = setTimeout(() => (endings.delete(cancel), fn()), ms);
      const cancel = () => (clearTimeout(id), endings.delete(cancel));
      endings.add(cancel);
      return cancel;
    },
    onEnd: (fn) => void endings.add(fn),
    end() {
      life.abort();
      for (const fn of [...endings]) fn();
      endings.clear();
    },
  };
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
