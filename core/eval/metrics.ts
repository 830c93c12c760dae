import { CLIENT_TYPES, type TypeVerdict } from '../taxonomy';

export interface Prediction {
  label: TypeVerdict;
  predicted: TypeVerdict;
  confidence: number;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvalReport {
  n: number;
  accuracy: number;
  perClass: Record<string, ClassMetrics>;
  /** Rows: true label; columns: predicted. */
  confusion: Record<string, Record<string, number>>;
  labels: TypeVerdict[];
  unknownRate: number;
  /** Expected calibration error over 10 confidence bins. */
  calibrationError: number;
  /** Mean F1 over `scored`. */
  macroF1: number;
  /** The labels macro-F1 averages over (see `evaluate`). */
  scored: TypeVerdict[];
}

/**
 * Which labels macro-F1 averages over: `present-or-answered` (the default, as scikit-learn does: the labels the
 * set has or that were answered, so a label answered but never right still counts), or `labelled`, the labels
 * the set has examples of, as "Check this pack" reports it (a pack's few examples rarely cover every label; an
 * answer of a label with no examples still costs the recall of the example's own label).
 */
export type MacroOver = 'present-or-answered' | 'labelled';

const ratio = (a: number, b: number) => (b ? a / b : 0);

export function evaluate(preds: Prediction[], over: MacroOver = 'present-or-answered'): EvalReport {
  const labels: TypeVerdict[] = [...CLIENT_TYPES, 'unknown'];
  const confusion = Object.fromEntries(labels.map((l) => [l, Object.fromEntries(labels.map((p) => [p, 0]))])) as Record<string, Record<string, number>>;
  for (const p of preds) confusion[p.label]![p.predicted]!++;
  const perClass: Record<string, ClassMetrics> = {};
  for (const l of labels) {
    const tp = confusion[l]![l]!;
    const predicted = labels.reduce((s, r) => s + confusion[r]![l]!, 0);
    const support = labels.reduce((s, c) => s + confusion[l]![c]!, 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    perClass[l] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  }
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, correct: 0 }));
  for (const p of preds) {
    const b = bins[Math.min(9, Math.floor(p.confidence * 10))]!;
    b.n++;
    b.conf += p.confidence;
    b.correct += Number(p.label === p.predicted);
  }
  const n = preds.length;
  // A slice without some label is not marked down for it (see MacroOver).
  const scored = labels.filter((l) => preds.some((p) => p.label === l || (over === 'present-or-answered' && p.predicted === l)));
  return {
    n,
    accuracy: ratio(preds.filter((p) => p.label === p.predicted).length, n),
    perClass,
    confusion,
    labels,
    unknownRate: ratio(preds.filter((p) => p.predicted === 'unknown').length, n),
    calibrationError: bins.reduce((s, b) => s + (b.n ? (b.n / n) * Math.abs(b.conf / b.n - b.correct / b.n) : 0), 0),
    macroF1: scored.length ? scored.reduce((s, l) => s + perClass[l]!.f1, 0) / scored.length : 0,
    scored,
  };
}

const pct = (x: number) => x.toFixed(3);
const SHORT: Record<string, string> = {
  impatient: 'impat',
  undecided: 'undec',
  complainer: 'compl',
  tester: 'tests',
  extortionist: 'extor',
  'know-it-all': 'knowi',
  'prize-hunter': 'prize',
  unknown: 'unkno',
};

/** A plain-text report; `extra` lines go just before its last line, which is `macro-F1 0.xxx`. */
export function formatReport(r: EvalReport, extra: readonly string[] = []): string {
  const lines: string[] = [];
  lines.push(`cases ${r.n}   accuracy ${pct(r.accuracy)}   answered unknown ${pct(r.unknownRate)}   calibration error (ECE) ${pct(r.calibrationError)}`);
  lines.push('');
  lines.push('type           precision  recall  f1     support');
  for (const l of r.labels) {
    const m = r.perClass[l]!;
    lines.push(`${l.padEnd(14)} ${pct(m.precision).padStart(9)}  ${pct(m.recall).padStart(6)}  ${pct(m.f1)}  ${String(m.support).padStart(7)}`);
  }
  lines.push('');
  lines.push('confusion (rows: label, columns: predicted)');
  lines.push(''.padEnd(14) + r.labels.map((l) => SHORT[l]!.padStart(6)).join(''));
  for (const l of r.labels) lines.push(l.padEnd(14) + r.labels.map((p) => String(r.confusion[l]![p]).padStart(6)).join(''));
  if (extra.length) lines.push('', ...extra);
  lines.push('');
  lines.push(`macro-F1 ${pct(r.macroF1)}`);
  return lines.join('\n');
}
