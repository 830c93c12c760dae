import { classify, type Classification } from '../classifier/classify';
import type { TypeModel } from '../classifier/type-model';
import { caseInput, type LabelledCase } from '../eval/labelled';
import { evaluate, type EvalReport } from '../eval/metrics';
import type { StrategyPack } from './schema';

export interface PackCheck {
  report: EvalReport;
  /** The examples the pack got wrong, with what it answered and why. */
  misses: { example: LabelledCase; result: Classification }[];
}

/**
 * Runs labelled examples through the shipped model with a pack's cues: the metrics a team lead looks at before
 * sharing a change. Macro-F1 is over the labels the examples have (`evaluate`'s `labelled`).
 */
export function checkPack(
  model: TypeModel,
  pack: StrategyPack,
  examples: readonly LabelledCase[],
  onProgress?: (done: number, total: number) => void,
): PackCheck {
  const misses: PackCheck['misses'] = [];
  const labelled = examples.filter((e) => e.label);
  const preds = labelled.map((example, i) => {
    const result = classify(caseInput(example), { model, pack });
    if (result.type !== example.label) misses.push({ example, result });
    onProgress?.(i + 1, labelled.length);
    return { label: example.label!, predicted: result.type, confidence: result.confidence };
  });
  // Macro-F1 over the labels the examples have: the page names the ones they lack.
  return { report: evaluate(preds, 'labelled'), misses };
}
