import { addDays, type LocalDate } from '../time/local-date';
import { bucketAt, isTerminal } from './bucket';
import { classifyResult, openStatusAt } from './classification';
import type { DossierRecord } from './dossier-record';

/** A closed interval of local dates (Asia/Ho_Chi_Minh). */
export interface Period {
  from: LocalDate;
  to: LocalDate;
}

export interface Reconciliation {
  carriedOver: number;
  received: number;
  resolved: number;
  inProgress: number;
  withdrawn: number;
  stopped: number;
  waitingSupplement: number;
  waitingFinancialObligation: number;
  /** carriedOver + received − every outflow bucket: 0 when every dossier is in exactly one place. */
  difference: number;
}

/** The figures of a period for one unit (or a sum of units): Biểu 06/VPCP/KSTT plus the other buckets. */
export interface Figures {
  /** Received in the period, by channel; counterAndPostal is Biểu 06 column 5. */
  received: { total: number; online: number; counter: number; postal: number; counterAndPostal: number };
  /** Từ kỳ trước: received before `from` and still open at the end of the day before `from`. */
  carriedOver: number;
  /** Result recorded within the period, classified against the due date. */
  resolved: { total: number; early: number; onTime: number; late: number };
  /** Ratios (0..1) of resolved.total; 0 when nothing was resolved. */
  shares: { early: number; onTime: number; late: number };
  /** Open (not waiting, not terminal) at the end of `to`. */
  inProgress: { total: number; withinDeadline: number; overdue: number };
  /** Withdrawn / stopped within the period. */
  withdrawn: number;
  stopped: number;
  /** Waiting at the end of `to`. */
  waitingSupplement: number;
  waitingFinancialObligation: number;
  reconciliation: Reconciliation;
}

export function emptyFigures(): Figures {
  return {
    received: { total: 0, online: 0, counter: 0, postal: 0, counterAndPostal: 0 },
    carriedOver: 0,
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    shares: { early: 0, onTime: 0, late: 0 },
    inProgress: { total: 0, withinDeadline: 0, overdue: 0 },
    withdrawn: 0,
    stopped: 0,
    waitingSupplement: 0,
    waitingFinancialObligation: 0,
    reconciliation: reconcile({
      carriedOver: 0,
      received: 0,
      resolved: 0,
      inProgress: 0,
      withdrawn: 0,
      stopped: 0,
      waitingSupplement: 0,
      waitingFinancialObligation: 0,
    }),
  };
}

const within = (date: LocalDate | null, period: Period): boolean =>
  date !== null && date >= period.from && date <= period.to;

/**
 * The reference computation. Each figure is computed on its own (not by elimination), so the reconciliation is
 * a real check: it is 0 only if the history is consistent and every dossier lands in exactly one place.
 */
export function computeFigures(records: readonly DossierRecord[], period: Period): Figures {
  if (period.from > period.to) throw new RangeError(`Kỳ báo cáo không hợp lệ: ${period.from} sau ${period.to}.`);
  const f = emptyFigures();
  const dayBefore = addDays(period.from, -1);
  for (const r of records) {
    if (within(r.receivedOn, period)) {
      f.received.total++;
      f.received[r.channel]++;
    } else if (r.receivedOn < period.from && !isTerminal(bucketAt(r, dayBefore))) f.carriedOver++;

    if (r.resultOn !== null && within(r.resultOn, period)) {
      f.resolved.total++;
      const resolution = classifyResult(r.resultOn, r.dueDate);
      if (resolution === 'early') f.resolved.early++;
      else if (resolution === 'on_time') f.resolved.onTime++;
      else f.resolved.late++;
    }
    if (within(r.withdrawnOn, period)) f.withdrawn++;
    if (within(r.stoppedOn, period)) f.stopped++;

    const bucket = bucketAt(r, period.to);
    if (bucket === 'waiting_supplement') f.waitingSupplement++;
    else if (bucket === 'waiting_financial_obligation') f.waitingFinancialObligation++;
    else if (bucket === 'in_progress') {
      f.inProgress.total++;
      if (openStatusAt(r, period.to) === 'within_deadline') f.inProgress.withinDeadline++;
      else f.inProgress.overdue++;
    }
  }
  return finish(f);
}

/** Sums figures (units into a level); shares and the reconciliation are recomputed from the sums. */
export function addFigures(a: Figures, b: Figures): Figures {
  return finish({
    received: {
      total: a.received.total + b.received.total,
      online: a.received.online + b.received.online,
      counter: a.received.counter + b.received.counter,
      postal: a.received.postal + b.received.postal,
      counterAndPostal: 0,
    },
    carriedOver: a.carriedOver + b.carriedOver,
    resolved: {
      total: a.resolved.total + b.resolved.total,
      early: a.resolved.early + b.resolved.early,
      onTime: a.resolved.onTime + b.resolved.onTime,
      late: a.resolved.late + b.resolved.late,
    },
    shares: { early: 0, onTime: 0, late: 0 },
    inProgress: {
      total: a.inProgress.total + b.inProgress.total,
      withinDeadline: a.inProgress.withinDeadline + b.inProgress.withinDeadline,
      overdue: a.inProgress.overdue + b.inProgress.overdue,
    },
    withdrawn: a.withdrawn + b.withdrawn,
    stopped: a.stopped + b.stopped,
    waitingSupplement: a.waitingSupplement + b.waitingSupplement,
    waitingFinancialObligation: a.waitingFinancialObligation + b.waitingFinancialObligation,
    reconciliation: emptyFigures().reconciliation,
  });
}

/** Figures per group (default: the receiving unit, as in the source report). */
export function computeFiguresBy(
  records: readonly DossierRecord[],
  period: Period,
  key: (record: DossierRecord) => string = (r) => r.receivingUnitId,
): Map<string, Figures> {
  const groups = new Map<string, DossierRecord[]>();
  for (const record of records) {
    const group = key(record);
    const members = groups.get(group);
    if (members) members.push(record);
    else groups.set(group, [record]);
  }
  return new Map([...groups].map(([group, members]) => [group, computeFigures(members, period)]));
}

function finish(f: Figures): Figures {
  const resolved = f.resolved.total;
  const share = (n: number) => (resolved === 0 ? 0 : n / resolved);
  return {
    ...f,
    received: { ...f.received, counterAndPostal: f.received.counter + f.received.postal },
    shares: { early: share(f.resolved.early), onTime: share(f.resolved.onTime), late: share(f.resolved.late) },
    reconciliation: reconcile({
      carriedOver: f.carriedOver,
      received: f.received.total,
      resolved,
      inProgress: f.inProgress.total,
      withdrawn: f.withdrawn,
      stopped: f.stopped,
      waitingSupplement: f.waitingSupplement,
      waitingFinancialObligation: f.waitingFinancialObligation,
    }),
  };
}

function reconcile(parts: Omit<Reconciliation, 'difference'>): Reconciliation {
  const outflow =
    parts.resolved +
    parts.inProgress +
    parts.withdrawn +
    parts.stopped +
    parts.waitingSupplement +
    parts.waitingFinancialObligation;
  return { ...parts, difference: parts.carriedOver + parts.received - outflow };
}
