import fs from 'node:fs';

/**
 * CPU time (user + system, seconds) a process has used so far, from /proc (Linux; undefined elsewhere). On a
 * shared machine the CPU a process spends per request moves much less than its requests per second: the bench
 * prints both.
 */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after the command (which may hold spaces) in parentheses; utime and stime are the 14th and 15th
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every Linux the project runs on. */
const CLOCK_TICKS = 100;

/** Runs `work`, and measures the CPU the process `pid` used meanwhile (undefined where /proc is not). */
export async function withCpuOf<T>(pid: number | undefined, work: () => Promise<T>): Promise<[T, number | undefined]> {
  const before = cpuSecondsOf(pid);
  const result = await work();
  const after = cpuSecondsOf(pid);
  return [result, before === undefined || after === undefined ? undefined : after - before];
}
