import {
  type DeciderContext,
  type DossierCommand,
  type DossierEvent,
  type DossierState,
  HUE_2020_UNITS,
  type Instant,
  type LocalDate,
  type OrganisationUnit,
  type Procedure,
  addDays,
  decide,
  defaultWorkingCalendar,
  evolve,
  formatDossierCode,
  hue2020ProcedureCatalogue,
  initialDossierState,
  instantAt,
  localDateOf,
  unitRegistry,
} from '@app/domain';
import { Random } from '@app/domain/testing';

/**
 * A realistic, seeded stream of dossier histories for the crash test and the benchmark: receipts on working days
 * in office hours, transfers, supplements, fees, reschedules, results (mostly before the due date), returns,
 * withdrawals, stops and corrections — every event produced by the domain's decide, so every history is valid.
 */
export interface WorkloadOptions {
  seed: number;
  dossiers: number;
  /** First day of receipts and number of calendar days they spread over. */
  from?: LocalDate;
  days?: number;
  units?: readonly OrganisationUnit[];
}

export interface GeneratedDossier {
  dossierId: string;
  events: DossierEvent[];
}

const context: DeciderContext = { calendar: defaultWorkingCalendar() };
const REASON = 'Sinh dữ liệu đo hiệu năng';

export function dossierUuid(seed: number, index: number): string {
  const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, '0').slice(-width);
  return `${hex(seed, 8)}-0000-4000-8000-${hex(Math.floor(index / 2 ** 32), 4)}${hex(index, 8)}`;
}

/** Dossiers in order of receipt: the working days of the window share them evenly, receipts in office hours. */
export function* generateWorkload(options: WorkloadOptions): Generator<GeneratedDossier> {
  const random = new Random(options.seed);
  const from = options.from ?? '2020-01-01';
  const days = options.days ?? 365;
  const registry = unitRegistry(options.units ?? HUE_2020_UNITS);
  const catalogue = hue2020ProcedureCatalogue();
  const workingDays = listWorkingDays(from, days);
  let index = 0;
  for (const [d, day] of workingDays.entries()) {
    const receipts =
      Math.floor(((d + 1) * options.dossiers) / workingDays.length) -
      Math.floor((d * options.dossiers) / workingDays.length);
    const units = registry.unitsAt(day).filter((u) => u.parentId !== null);
    const weights = units.map((u) => [u, u.level === 'province' ? 4 : 1] as const);
    const sequences = new Map<string, number>();
    const times = Array.from({ length: receipts }, () => officeTime(random)).sort();
    for (const time of times) {
      const unit = random.weighted(weights);
      const procedures = catalogue.proceduresAt(day).filter((p) => p.level === unit.level);
      const procedure = random.pick(procedures.length > 0 ? procedures : catalogue.proceduresAt(day));
      const sequence = (sequences.get(unit.id) ?? 0) + 1;
      sequences.set(unit.id, sequence);
      const dossierId = dossierUuid(options.seed, index++);
      yield {
        dossierId,
        events: lifecycle(random, { dossierId, unit, procedure, receivedAt: instantAt(day, time), sequence, units }),
      };
    }
  }
}

interface Start {
  dossierId: string;
  unit: OrganisationUnit;
  procedure: Procedure;
  receivedAt: Instant;
  sequence: number;
  units: readonly OrganisationUnit[];
}

function lifecycle(random: Random, start: Start): DossierEvent[] {
  const run = new Run();
  const channel = random.weighted([
    ['counter', 60],
    ['online', 30],
    ['postal', 10],
  ] as const);
  const code = formatDossierCode(start.unit.code, start.receivedAt, Math.min(start.sequence, 9999));
  run.apply({
    type: 'ReceiveDossier',
    dossierId: start.dossierId,
    code,
    procedure: start.procedure,
    receivingUnitId: start.unit.id,
    channel,
    at: start.receivedAt,
  });
  if (random.chance(0.04))
    run.apply({
      type: 'CorrectEntry',
      changes: { channel: random.pick(['counter', 'online', 'postal'] as const) },
      reason: REASON,
      at: run.later(random, 0, 0),
    });
  if (random.chance(0.02))
    run.apply({
      type: 'CorrectEntry',
      changes: { receivingUnitId: random.pick(start.units).id },
      reason: REASON,
      at: run.later(random, 0, 0),
    });
  const transferred = random.chance(0.6);
  if (transferred)
    run.apply({
      type: 'TransferDossier',
      toUnitId: random.pick(start.units.filter((u) => u.id !== start.unit.id)).id,
      at: run.later(random, 0, 1),
    });
  if (random.chance(0.35)) {
    run.apply({ type: 'RequestSupplement', reason: REASON, at: run.later(random, 1, 3) });
    if (random.chance(0.85)) run.apply({ type: 'ReceiveSupplement', at: run.later(random, 1, 5) });
  }
  if (random.chance(0.15)) {
    run.apply({ type: 'RequestFinancialObligation', amount: 500_000, at: run.later(random, 0, 2) });
    if (random.chance(0.9)) run.apply({ type: 'FulfilFinancialObligation', at: run.later(random, 1, 3) });
  }
  if (transferred && random.chance(0.8))
    run.apply({ type: 'TransferDossier', toUnitId: start.unit.id, reason: REASON, at: run.later(random, 0, 2) });
  const ending = random.weighted([
    ['result', 94],
    ['withdraw', 2],
    ['stop', 1],
    ['open', 3],
  ] as const);
  if (ending === 'withdraw') run.apply({ type: 'WithdrawDossier', reason: REASON, at: run.later(random, 1, 5) });
  if (ending === 'stop') run.apply({ type: 'StopProcessing', reason: REASON, at: run.later(random, 1, 5) });
  if (ending === 'result') {
    const offset = random.weighted([
      [-3, 15],
      [-2, 20],
      [-1, 35],
      [0, 22],
      [1, 4],
      [3, 3],
      [10, 1],
    ] as const);
    if (offset > 0 && random.chance(0.5)) {
      const due = run.dueDate() ?? localDateOf(run.clock);
      run.apply({
        type: 'RescheduleDueDate',
        newAppointmentDate: context.calendar.addWorkingDays(due, offset),
        reason: REASON,
        at: run.later(random, 0, 1),
      });
    }
    run.apply({
      type: 'RecordResult',
      outcome: random.chance(0.97) ? 'approved' : 'refused',
      reason: REASON,
      at: run.resultTime(random, offset),
    });
    if (random.chance(0.02))
      run.apply({
        type: 'CorrectEntry',
        changes: { resultAt: new Date(Date.parse(run.clock) - 3_600_000).toISOString() },
        reason: REASON,
        at: run.later(random, 0, 0),
      });
    if (random.chance(0.85))
      run.apply({
        type: 'ReturnResult',
        via: random.weighted([
          ['counter', 70],
          ['postal', 15],
          ['online', 15],
        ] as const),
        at: run.later(random, 0, 3),
      });
  }
  return run.events;
}

/** One dossier's state while its history is generated; rejected commands are simply left out. */
class Run {
  events: DossierEvent[] = [];
  state: DossierState = initialDossierState;
  clock: Instant = '1970-01-01T00:00:00.000Z';

  apply(command: DossierCommand): void {
    const decision = decide(this.state, command, context);
    if (!decision.ok) return;
    this.events.push(...decision.events);
    this.state = decision.events.reduce(evolve, this.state);
    this.clock = command.at;
  }

  dueDate(): LocalDate | null {
    return this.state.status === 'none' || this.state.status === 'refused_at_receipt'
      ? null
      : this.state.dossier.dueDate;
  }

  /** A working-hours instant between `min` and `max` working days after the last event (same day: a few minutes later). */
  later(random: Random, min: number, max: number): Instant {
    const n = random.int(min, max);
    if (n === 0) return new Date(Date.parse(this.clock) + random.int(1, 90) * 60_000).toISOString();
    return instantAt(context.calendar.addWorkingDays(localDateOf(this.clock), n), officeTime(random));
  }

  /** The result `offset` working days from the due date (never before the last event). */
  resultTime(random: Random, offset: number): Instant {
    const due = this.dueDate();
    if (due === null) return this.later(random, 0, 1);
    const day = offset >= 0 ? context.calendar.addWorkingDays(due, offset) : previousWorkingDay(due, -offset);
    const at = instantAt(day, officeTime(random));
    return at > this.clock ? at : this.later(random, 0, 1);
  }
}

function previousWorkingDay(date: LocalDate, n: number): LocalDate {
  let day = date;
  for (let i = 0; i < n; i++) {
    day = addDays(day, -1);
    while (!context.calendar.isWorkingDay(day)) day = addDays(day, -1);
  }
  return day;
}

function officeTime(random: Random): string {
  const minute = random.int(7 * 60 + 30, 16 * 60 + 30);
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function listWorkingDays(from: LocalDate, days: number): LocalDate[] {
  const result: LocalDate[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    if (context.calendar.isWorkingDay(day)) result.push(day);
  }
  return result;
}
