import { randomUUID } from 'node:crypto';
import type { LogVerification, VerificationReport } from '@app/event-store';

/** One run of verify started through the API: running, then done (its report) or failed (why). */
export interface VerificationRun {
  id: string;
  /** The whole log, or one stream's chain and head. */
  scope: { kind: 'log' } | { kind: 'stream'; streamId: string };
  status: 'running' | 'done' | 'failed';
  requestedBy: string;
  startedAt: string;
  finishedAt: string | null;
  /** Set when done: INTACT (true) or BROKEN (false). */
  ok: boolean | null;
  report: LogVerification | VerificationReport | null;
  error: string | null;
}

const KEPT = 50;

/**
 * The runs of this process, newest last (at most 50 kept): verify is read-only and repeatable, so its runs are not
 * recorded in the log; a restart forgets them (run one again, or `npm run dossier -- verify`).
 */
export class VerificationRuns {
  private readonly runs: VerificationRun[] = [];

  start(
    scope: VerificationRun['scope'],
    requestedBy: string,
    work: () => Promise<LogVerification | VerificationReport>,
  ): VerificationRun {
    // One run of a scope at a time: asking again while it runs answers the run in progress.
    const same = this.runs.find((r) => r.status === 'running' && JSON.stringify(r.scope) === JSON.stringify(scope));
    if (same) return same;
    const run: VerificationRun = {
      id: randomUUID(),
      scope,
      status: 'running',
      requestedBy,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      ok: null,
      report: null,
      error: null,
    };
    this.runs.push(run);
    if (this.runs.length > KEPT) this.runs.splice(0, this.runs.length - KEPT);
    work().then(
      (report) => Object.assign(run, { status: 'done', ok: report.ok, report, finishedAt: new Date().toISOString() }),
      (error: unknown) =>
        Object.assign(run, {
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
          finishedAt: new Date().toISOString(),
        }),
    );
    return run;
  }

  get(id: string): VerificationRun | undefined {
    return this.runs.find((r) => r.id === id);
  }

  /** The newest finished run (done or failed), if any. */
  lastFinished(): VerificationRun | null {
    return [...this.runs].reverse().find((r) => r.status !== 'running') ?? null;
  }

  running(): VerificationRun[] {
    return this.runs.filter((r) => r.status === 'running');
  }
}
