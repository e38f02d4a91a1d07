import { nowMs, percentile } from './latency';

/** p50 / p95 / max (ms) of `runs` calls of `work` after `warmup` unmeasured ones. */
export async function latencies(
  runs: number,
  warmup: number,
  work: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < warmup; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = nowMs();
    await work(i);
    samples.push(nowMs() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1] ?? 0 };
}

/** A progress line on stderr, at most once a second. */
export function progress(label: string): (done: number, unit: string) => void {
  const started = Date.now();
  let shown = 0;
  return (done, unit) => {
    if (Date.now() - shown < 1000) return;
    shown = Date.now();
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `  ${label}: ${done.toLocaleString('en-US')} ${unit} (${Math.round(done / Math.max(seconds, 0.001)).toLocaleString('en-US')}/s)\n`,
    );
  };
}
