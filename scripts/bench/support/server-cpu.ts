import fs from 'node:fs';
import type { Pool } from 'pg';

const CLOCK_TICKS = 100;

function statFields(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) a PostgreSQL server on this machine has used so far: the postmaster, its live
 * processes, and those that ended (the kernel adds a waited-for child's time to its parent's). Undefined where
 * /proc is not, or when the server runs elsewhere.
 */
export async function serverCpuSeconds(pool: Pool): Promise<number | undefined> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const backend = statFields(rows[0]?.pid ?? -1);
  const postmaster = Number(backend?.[1]);
  const own = statFields(postmaster);
  if (!own) return undefined;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS;
}
