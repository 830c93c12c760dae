import { bootstrap } from './bootstrap';
import { writerOf, type LabelledCase } from './labelled';
import { evaluate, type Prediction } from './metrics';

const f3 = (x: number) => x.toFixed(3);

/** Lines that say how sure a score is and where it is weak: the bootstrap interval, then macro-F1 by language, hard slice and texture. */
export function sliceLines(cases: readonly LabelledCase[], preds: readonly Prediction[]): string[] {
  const ci = bootstrap(preds);
  const lines = [`macro-F1 95% interval ${f3(ci.low)}–${f3(ci.high)} (bootstrap over cases, 1000 resamples)`];
  const slice = (name: string, keep: (c: LabelledCase) => boolean) => {
    const p = preds.filter((_, i) => keep(cases[i]!));
    if (p.length < 10) return;
    const r = evaluate(p);
    lines.push(`${name.padEnd(28)} macro-F1 ${f3(r.macroF1)}  accuracy ${f3(r.accuracy)}  ECE ${f3(r.calibrationError)}  (${p.length} cases)`);
  };
  for (const lang of ['ru', 'en'] as const) slice(`language ${lang}`, (c) => c.lang === lang);
  // By writer (a case id's first part): the spread between writers says more than the interval over cases.
  const writers = [...new Set(cases.map(writerOf))].sort();
  if (writers.length > 1 && writers.length <= 20) for (const w of writers) slice(`writer ${w}`, (c) => writerOf(c) === w);
  if (cases.some((c) => c.hard !== undefined)) {
    slice('hard cases', (c) => c.hard === true);
    slice('other cases', (c) => c.hard !== true);
  }
  const textures = [...new Set(cases.flatMap((c) => c.texture ?? []))].sort();
  for (const t of textures) slice(`texture ${t}`, (c) => !!c.texture?.includes(t));
  return lines;
}
