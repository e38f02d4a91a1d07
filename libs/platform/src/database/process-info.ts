import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/**
 * What the embedded PostgreSQL needs to know about other processes: whether one still runs (a zombie does not),
 * when it started (so that a recycled pid is not taken for the process recorded earlier), its parent, and how a
 * dead child ended. Linux answers from /proc; elsewhere `ps` answers what it can.
 */
interface ProcStat {
  state: string;
  ppid: number;
  /** Kernel flags: PF_EXITING once the process has begun to exit (before it becomes a zombie). */
  flags: number;
  /** Clock ticks after boot. */
  startTime: string;
  /** waitpid(2) status of a zombie (Linux ≥ 3.5), 0 when unknown. */
  exitStatus: number;
}

function procStat(pid: number): ProcStat | null | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && fs.existsSync('/proc/self/stat')) return null; // no such process
    return undefined; // no /proc here
  }
  // The command name (field 2) is in parentheses and may hold spaces: the fields after it start at field 3.
  const fields = text
    .slice(text.lastIndexOf(')') + 2)
    .trim()
    .split(' ');
  return {
    state: fields[0] ?? '',
    ppid: Number(fields[1]),
    flags: Number(fields[6]),
    startTime: fields[19] ?? '',
    exitStatus: Number(fields[49] ?? 0),
  };
}

const PF_EXITING = 0x4;

/** Ended or ending: a zombie, or a process already tearing itself down (its children may notice that first). */
function ending(stat: ProcStat): boolean {
  return stat.state === 'Z' || stat.state === 'X' || (stat.flags & PF_EXITING) !== 0;
}

function ps(pid: number, column: string): string | undefined {
  try {
    return (
      execFileSync('ps', ['-o', `${column}=`, '-p', String(pid)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** True while `pid` runs: it exists, is not exiting, and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  if (!(pid > 0)) return false;
  const stat = procStat(pid);
  if (stat === null) return false;
  if (stat) return !ending(stat);
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !ps(pid, 'stat')?.startsWith('Z');
}

/** When `pid` started, as an opaque string to compare; undefined if unknown. */
export function processStartTime(pid: number): string | undefined {
  const stat = procStat(pid);
  if (stat === null) return undefined;
  return stat ? stat.startTime : ps(pid, 'lstart');
}

export function parentPid(pid: number): number | undefined {
  const stat = procStat(pid);
  if (stat === null) return undefined;
  const ppid = stat ? stat.ppid : Number(ps(pid, 'ppid'));
  return ppid > 0 ? ppid : undefined;
}

/** The command name of `pid` (Linux), undefined if unknown. */
export function processName(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** How a process that is ending or has ended (not reaped yet) ends: "SIGKILL", "exit code 1"; undefined if unknown. */
export function exitReason(pid: number): string | undefined {
  const stat = procStat(pid);
  if (!stat || !ending(stat) || !stat.exitStatus) return undefined;
  const signal = stat.exitStatus & 0x7f;
  if (signal) return Object.entries(os.constants.signals).find(([, n]) => n === signal)?.[0] ?? `signal ${signal}`;
  return `exit code ${(stat.exitStatus >> 8) & 0xff}`;
}
