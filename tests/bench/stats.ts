/** Runs `fn` repeatedly and returns timing percentiles in milliseconds. */
export function timeIt(fn: () => void, { warmup = 50, runs = 500 } = {}): { p50: number; p95: number; runs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), runs };
}

export const ms = (x: number) => `${x.toFixed(3)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One line of the report: the figure, its budget, and whether it is within. */
export function row(name: string, value: string, budget?: string, ok?: boolean): string {
  const verdict = ok === undefined ? '' : ok ? '  ok' : '  OVER BUDGET';
  return `${name.padEnd(46)} ${value.padStart(12)}${budget ? `   budget ${budget}` : ''}${verdict}`;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
