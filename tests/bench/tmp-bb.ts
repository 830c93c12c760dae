import { browserBench } from '/work/main/tests/bench/browser-bench';
await browserBench((s = '') => console.log(s));
