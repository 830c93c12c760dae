/** A worker process of crossValidateInWorkers: prepares the same cases, runs its folds, sends their scores back. */
import { cvOptions, type FoldJob } from './parallel-cv';
import { planFolds, prepareCases, runFold } from './train';

process.once('message', (job: FoldJob) => {
  const cases = prepareCases(job.cases);
  const plan = planFolds(cases, cvOptions(job.options));
  const results = job.folds.map((f) => runFold(cases, plan, f, job.hyper, () => process.send!({ kind: 'lambda' })));
  process.send!({ kind: 'done', results });
});
