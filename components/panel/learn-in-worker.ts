import { trainLearned, type LearnedModel, type LearningExample } from '../../core/classifier/learner';

type Answer = { seq: number; model?: LearnedModel; error?: string };

/**
 * Rebuilds the local model in a Worker, so the panel keeps drawing while it learns (100 corrections take tens
 * of milliseconds; a big team pack's examples more). One worker per panel, started on first use; where a
 * worker cannot start, the model is built on the page instead.
 */
export function workerLearner(): { learn(examples: LearningExample[]): Promise<LearnedModel>; dispose(): void } {
  let worker: Worker | undefined;
  let failed = false;
  let seq = 0;
  const waiting = new Map<number, { resolve: (m: LearnedModel) => void; reject: (e: Error) => void }>();
  const start = () => {
    if (worker || failed) return worker;
    try {
      worker = new Worker(new URL('./learner-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      failed = true;
      return undefined;
    }
    worker.onmessage = (e: MessageEvent<Answer>) => {
      const w = waiting.get(e.data.seq);
      waiting.delete(e.data.seq);
      if (e.data.model) w?.resolve(e.data.model);
      else w?.reject(new Error(e.data.error ?? 'the learner stopped'));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      failed = true;
      worker?.terminate();
      worker = undefined;
      for (const w of waiting.values()) w.reject(new Error(e.message || 'the learner stopped'));
      waiting.clear();
    };
    return worker;
  };
  return {
    learn(examples) {
      const w = start();
      if (!w) return Promise.resolve().then(() => trainLearned(examples));
      const my = ++seq;
      return new Promise((resolve, reject) => {
        waiting.set(my, { resolve, reject });
        w.postMessage({ seq: my, examples });
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      for (const w of waiting.values()) w.reject(new Error('closed'));
      waiting.clear();
    },
  };
}
