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

export interface Row {
  name: string;
  value: string;
  goal?: string;
  ok?: boolean;
  /**
   * Why `npm run bench:check` (CI) reports this budget without failing on it, for figures that hang on
   * something outside our code (the display's 60 Hz frame clock). Gated when absent.
   */
  notGated?: string;
}

/** Every row with a goal reported so far, with its suite's title: the budgets `summary()` lists. */
const budgets: { title: string; row: Row }[] = [];

export function report(title: string, rows: Row[]): void {
  for (const row of rows) if (row.goal !== undefined && row.ok !== undefined) budgets.push({ title, row });
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
    console.log(`  ${r.name.padEnd(width)}  ${r.value.padStart(14)}${r.goal ? `   goal ${r.goal}` : ''}${verdict}`);
  }
}

/**
 * The closing table of `npm run bench`: every budget measured in this run, its goal and whether it was
 * met. Returns how many gated budgets were missed (what `--check` fails on).
 */
export function summary(): number {
  if (budgets.length === 0) return 0;
  const missed = budgets.filter((b) => !b.row.ok);
  console.log(`\nBudgets: ${budgets.length - missed.length} of ${budgets.length} met`);
  const width = Math.max(...budgets.map((b) => b.title.split(':')[0]!.length + b.row.name.trim().length + 3));
  for (const { title, row } of budgets) {
    const what = `${title.split(':')[0]!} — ${row.name.trim()}`;
    console.log(`  ${what.padEnd(width)}  ${row.value.padStart(14)}   goal ${row.goal!.padEnd(16)}${row.ok ? 'ok' : 'MISSED'}${row.notGated ? ` (not gated: ${row.notGated})` : ''}`);
  }
  return missed.filter((b) => !b.row.notGated).length;
}
