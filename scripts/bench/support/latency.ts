/** Wall-clock timing and latency percentiles for benches. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export interface RunStats {
  events: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export function stats(events: number, seconds: number, latencies: number[]): RunStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { events, seconds, perSecond: events / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** A plain-text table with right-aligned columns except the first. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
