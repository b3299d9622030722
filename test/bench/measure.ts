/** Timing helpers for the benchmark: medians over repeated runs, heap deltas with forced GC. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timeRuns(runs: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return median(times);
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * A one-character edit somewhere inside the i-th function's description (never in structure): a
 * letter typed after `Fetches item N`, which keeps the marker for the next edits.
 */
export function editAt(text: string, i: number): string {
  // Small packages have fewer functions: then one of the first seven.
  let marker = `Fetches item ${(i * 7) % 50} `;
  if (!text.includes(marker)) marker = `Fetches item ${i % 7} `;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`editAt: no \`${marker}\` in the text`);
  const offset = at + marker.length;
  return text.slice(0, offset) + String.fromCharCode(97 + (i % 26)) + text.slice(offset);
}
