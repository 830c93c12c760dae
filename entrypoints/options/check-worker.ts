import { checkPack } from '../../core/pack/check';
import type { LabelledCase } from '../../core/eval/labelled';
import type { StrategyPack } from '../../core/pack/schema';
import { loadBundledModel } from '../../components/bundled-model';

/** Runs "Check this pack" off the page's main thread, so the options page stays responsive on big sets. */
export type CheckRequest = { pack: StrategyPack; examples: LabelledCase[] };
export type CheckMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; result: ReturnType<typeof checkPack> }
  | { kind: 'error'; message: string };

const post = (m: CheckMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<CheckRequest>) => {
  try {
    let last = 0;
    const model = await loadBundledModel();
    const result = checkPack(model, e.data.pack, e.data.examples, (done: number, total: number) => {
      // About 50 progress steps, whatever the size of the set.
      if (done === total || done - last >= Math.max(1, Math.floor(total / 50))) {
        last = done;
        post({ kind: 'progress', done, total });
      }
    });
    post({ kind: 'done', result });
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
