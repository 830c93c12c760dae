import { availableParallelism } from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writerOf, type LabelledCase } from '../eval/labelled';
import { planFolds, summariseCv, type CrossValidation, type CvOptions, type FoldResult, type Hyper, type TrainCase } from './train';

/** What a fold worker needs to do its share: the same cases (re-prepared there), the same plan, its folds. */
export interface FoldJob {
  cases: LabelledCase[];
  options: Omit<CvOptions, 'groupOf'> & { byWriter: boolean };
  hyper: Omit<Hyper, 'lambda'>;
  folds: number[];
}

const WORKER = fileURLToPath(new URL('./fold-worker.ts', import.meta.url));

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
  const workers: ReturnType<typeof fork>[] = [];
  const stopAll = () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill();
  };
  try {
    const results = await Promise.all(
      share.map(
        (folds) =>
          new Promise<FoldResult[]>((resolve, reject) => {
            const job: FoldJob = { cases: [...raw], options, hyper, folds };
            const worker = fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'inherit' });
            workers.push(worker);
            let answered = false;
            worker.on('message', (m: { kind: 'lambda' } | { kind: 'done'; results: FoldResult[] }) => {
              if (m.kind === 'lambda') return onProgress?.(++done, plan.folds * plan.lambdas.length);
              answered = true;
              resolve(m.results);
              worker.disconnect();
            });
            worker.on('error', reject);
            // Any end before the answer (an exit code, a signal, or 0 with nothing sent) is a failure.
            worker.on(
              'exit',
              (code, signal) => !answered && reject(new Error(`a cross-validation worker stopped (${signal ?? `code ${code}`}) before it answered`)),
            );
            worker.send(job);
          }),
      ),
    );
    return summariseCv(prepared, plan, results.flat());
  } finally {
    stopAll();
  }
}
