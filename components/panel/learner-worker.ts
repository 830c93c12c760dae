/** The panel's learner thread: rebuilds the local model from the examples it is sent, off the panel's main thread. */
import { trainLearned, type LearningExample } from '../../core/classifier/learner';

self.onmessage = (e: MessageEvent<{ seq: number; examples: LearningExample[] }>) => {
  try {
    (self as unknown as Worker).postMessage({ seq: e.data.seq, model: trainLearned(e.data.examples) });
  } catch (err) {
    (self as unknown as Worker).postMessage({ seq: e.data.seq, error: err instanceof Error ? err.message : String(err) });
  }
};
