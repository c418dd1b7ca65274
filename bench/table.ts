/** Measuring and printing: the benchmarks' results are a table, each figure beside its references. */

export interface Row {
  name: string;
  value: string;
  reference?: string;
  target?: string;
  /** true / false when there is a target to meet; undefined when the row is informational. */
  met?: boolean;
}

/** Median wall time in ms of `fn` over `runs` runs after `warmup` unmeasured runs. */
export function timeMs(fn: () => unknown, runs = 5, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Operations per second of `fn(i)` run for about `ms` milliseconds (after a warm-up). */
export function opsPerSecond(fn: (i: number) => unknown, ms = 1000): number {
  for (let i = 0; i < 20_000; i++) fn(i);
  let n = 0;
  const s = performance.now();
  let now = s;
  while (now - s < ms) {
    for (let k = 0; k < 1000; k++) fn(n++);
    now = performance.now();
  }
  return (n / (now - s)) * 1000;
}

export const fmtMs = (ms: number): string => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
export const fmtRate = (r: number): string => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M/s` : `${(r / 1e3).toFixed(0)} k/s`);

/** Print rows as an aligned text table. */
export function printTable(title: string, rows: Row[]): void {
  const head = ["measure", "result", "reference (same run)", "target", "met"];
  const body = rows.map((r) => [r.name, r.value, r.reference ?? "", r.target ?? "", r.met === undefined ? "" : r.met ? "yes" : "NO"]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
  console.log(`\n${title}`);
  console.log(line(head));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const b of body) console.log(line(b));
}
