import type { ProcessStatus } from './supervisor';

/**
 * The status table: one row per process — pid, up/down, restarts, health, lag (the projector's and the relay's
 * pending events, the standby's replay lag in bytes and seconds, the notifiers' consumer lag), and whether it holds
 * its lock (the active projector or relay; the other waits as its standby).
 */
export function statusTable(rows: readonly ProcessStatus[], now = new Date()): string {
  const header = ['process', 'pid', 'state', 'restarts', 'health', 'lag', 'note'];
  const body = rows.map((r) => [
    r.name,
    r.pid === undefined ? '-' : String(r.pid),
    r.state,
    String(r.restarts),
    r.probe === undefined ? '-' : r.probe.healthy ? 'ok' : 'FAIL',
    r.probe?.lag !== undefined || r.probe?.detail ? (r.probe.detail ?? String(r.probe.lag)) : '-',
    note(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [
    `cluster status at ${now.toISOString()}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
  ].join('\n');
}

function note(r: ProcessStatus): string {
  if (r.state !== 'up') return r.lastExit ? `last exit: ${r.lastExit}` : '';
  if (r.probe?.active === true && /^(projector|relay)/.test(r.name)) return 'active (holds the lock)';
  if (r.probe?.active === false) return 'standby (waits for the lock)';
  return r.lastExit ? `last exit: ${r.lastExit}` : '';
}
