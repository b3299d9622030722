/**
 * Latency measurement for requests and pure calls: runs a function several times and reports
 * median / p95 / max in milliseconds. Tests print these numbers; they never assert on them
 * (timing is checked by the separate benchmark, which reuses this helper).
 */
export interface LatencyStats {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export async function measureLatency(run: (i: number) => unknown, runs = 20, warmup = 2): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await run(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { runs, median: at(0.5), p95: at(0.95), min: times[0], max: times[times.length - 1] };
}

export function formatLatency(label: string, stats: LatencyStats): string {
  const f = (n: number) => n.toFixed(2);
  return `${label}: median ${f(stats.median)} ms, p95 ${f(stats.p95)} ms, max ${f(stats.max)} ms (${stats.runs} runs)`;
}
