import fs from 'node:fs';

/**
 * CPU time spent, from /proc (Linux): per cluster process with all its descendants (a PostgreSQL server's backends,
 * a JVM's threads are in its own line), the load generator (this process), and the whole machine. Two snapshots
 * taken around the load say where the cores went: which process bounds the throughput, and how much went to work
 * outside the cluster (other jobs on a shared machine).
 */
export interface CpuSnapshot {
  at: number;
  /** CPU seconds per `name#pid` (the process and its descendants). */
  processes: Map<string, number>;
  /** CPU seconds of this process (the clients). */
  self: number;
  /** Busy CPU seconds of the whole machine (every core). */
  machine: number;
}

const TICKS = 100; // USER_HZ on Linux

/** Reads every process's parent and CPU ticks once: pid → [ppid, utime + stime]. */
function readProcesses(): Map<number, [number, number]> {
  const all = new Map<number, [number, number]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // the command (field 2) may hold spaces and parentheses: the fields after its last ')'
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.set(Number(entry), [Number(fields[1]), Number(fields[11]) + Number(fields[12])]);
    } catch {
      // ended while being read
    }
  }
  return all;
}

function machineBusySeconds(): number {
  const cpu = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return (user + nice + system + irq + softirq + steal) / TICKS;
}

/** A snapshot of the named processes (name → pid; a missing pid counts nothing). */
export function cpuSnapshot(pids: ReadonlyMap<string, number | undefined>): CpuSnapshot {
  const all = readProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, [ppid]] of all) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree = (pid: number): number => {
    let ticks = all.get(pid)?.[1] ?? 0;
    for (const child of children.get(pid) ?? []) ticks += tree(child);
    return ticks;
  };
  const processes = new Map<string, number>();
  for (const [name, pid] of pids) if (pid !== undefined) processes.set(`${name}#${pid}`, tree(pid) / TICKS);
  const usage = process.cpuUsage();
  return { at: Date.now(), processes, self: (usage.user + usage.system) / 1e6, machine: machineBusySeconds() };
}

/**
 * Where the cores went between two snapshots, by kind of process (`intake-1` and `intake-2` → `intake`), in cores
 * (CPU seconds per second), the largest first; `clients` is the load generator, `outside the cluster` the rest of
 * the machine. A process restarted in between counts only its new run (a killed run's time is left out).
 */
export function cpuShares(before: CpuSnapshot, after: CpuSnapshot): [string, number][] {
  const seconds = (after.at - before.at) / 1000;
  const kinds = new Map<string, number>();
  let cluster = 0;
  for (const [id, now] of after.processes) {
    const spent = now - (before.processes.get(id) ?? 0);
    const kind = id.replace(/(-\d+)?#\d+$/, '');
    kinds.set(kind, (kinds.get(kind) ?? 0) + spent);
    cluster += spent;
  }
  kinds.set('clients (the load generator)', after.self - before.self);
  cluster += after.self - before.self;
  kinds.set('outside the cluster', Math.max(0, after.machine - before.machine - cluster));
  return [...kinds].map(([k, s]): [string, number] => [k, s / seconds]).sort((a, b) => b[1] - a[1]);
}
