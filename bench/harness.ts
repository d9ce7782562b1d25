/** A tiny benchmark harness: warms up, runs until `minMs` has passed, reports the median run. */
export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  opsPerSecond: number;
}

export function measure(name: string, fn: () => unknown, options: { minMs?: number; warmup?: number; opsPerRun?: number } = {}): Measurement {
  const { minMs = 1000, warmup = 3, opsPerRun = 1 } = options;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < minMs || times.length < 5) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  return { name, runs: times.length, medianMs, opsPerSecond: (opsPerRun * 1000) / medianMs };
}

export function report(title: string, rows: { name: string; value: string; goal?: string; ok?: boolean }[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
    console.log(`  ${r.name.padEnd(width)}  ${r.value.padStart(14)}${r.goal ? `   goal ${r.goal}` : ''}${verdict}`);
  }
}
