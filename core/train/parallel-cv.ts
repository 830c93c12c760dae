import { availableParallelism } from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LabelledCase } from '../eval/labelled';
import { planFolds, summariseCv, type CrossValidation, type CvOptions, type FoldResult, type Hyper, type TrainCase } from './train';

/** What a fold worker needs to do its share: the same cases (re-prepared there), the same plan, its folds. */
export interface FoldJob {
  cases: LabelledCase[];
  options: Omit<CvOptions, 'groupOf'> & { byWriter: boolean };
  hyper: Omit<Hyper, 'lambda'>;
  folds: number[];
}

const WORKER = fileURLToPath(new URL('./fold-worker.ts', import.meta.url));

/** A writer's batch is the first part of a case id (`t3-ru-041` → `t3`). */
export const writerOf = (c: { id: string }) => c.id.split('-')[0]!;

export const cvOptions = (o: FoldJob['options']): CvOptions => ({ ...o, groupOf: o.byWriter ? writerOf : undefined });

/**
 * Cross-validation with the folds shared among worker processes (one per core, at most one per fold; run
 * through tsx like the CLI). Every fold is computed exactly as in one process, so the result is the same bits,
 * only sooner.
 */
export async function crossValidateInWorkers(
  raw: readonly LabelledCase[],
  prepared: readonly TrainCase[],
  options: FoldJob['options'],
  hyper: Omit<Hyper, 'lambda'>,
  onProgress?: (done: number, total: number) => void,
): Promise<CrossValidation> {
  const plan = planFolds(prepared, cvOptions(options));
  const threads = Math.max(1, Math.min(availableParallelism(), plan.folds));
  const share = Array.from({ length: threads }, (_, w) => Array.from({ length: plan.folds }, (_, f) => f).filter((f) => f % threads === w));
  let done = 0;
  const results = await Promise.all(
    share.map(
      (folds) =>
        new Promise<FoldResult[]>((resolve, reject) => {
          const job: FoldJob = { cases: [...raw], options, hyper, folds };
          const worker = fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'inherit' });
          worker.send(job);
          worker.on('message', (m: { kind: 'lambda' } | { kind: 'done'; results: FoldResult[] }) => {
            if (m.kind === 'lambda') onProgress?.(++done, plan.folds * plan.lambdas.length);
            else {
              resolve(m.results);
              worker.disconnect();
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) => code && reject(new Error(`a cross-validation worker stopped with code ${code}`)));
        }),
    ),
  );
  const byFold = results.flat().sort((a, b) => plan.fold[a.indices[0]!]! - plan.fold[b.indices[0]!]!);
  return summariseCv(prepared, plan, byFold);
}


