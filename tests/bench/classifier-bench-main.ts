/** Entry of the bundled classifier bench (bench.ts builds it with esbuild and runs it in its own process). */
import { classifierBench } from './classifier-bench';

await classifierBench((s = '') => console.log(s));
