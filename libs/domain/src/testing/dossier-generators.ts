import fc from 'fast-check';
import type { Channel, DossierCommand, DossierEvent, DossierState, Outcome, ReturnVia } from '../dossier';
import { decide, evolve, formatDossierCode, initialDossierState } from '../dossier';
import { HUE_2020_UNITS, hue2020ProcedureCatalogue } from '../reference';
import { addDays, instantAt, localDateOf, type Instant, type LocalDate } from '../time/local-date';
import { context } from './dossier-fixtures';

/**
 * fast-check material for property tests of the dossier and the figures: a script of intents per dossier, run
 * through decide/evolve (rejected commands are skipped and counted), so every history is one the system could
 * really have recorded.
 */
export type Intent =
  | { kind: 'transfer'; unit: number }
  | { kind: 'requestSupplement' }
  | { kind: 'receiveSupplement' }
  | { kind: 'requestFinancial' }
  | { kind: 'fulfilFinancial' }
  | { kind: 'reschedule'; workingDays: number }
  | { kind: 'result'; outcome: Outcome }
  | { kind: 'return'; via: ReturnVia }
  | { kind: 'withdraw' }
  | { kind: 'stop' }
  | { kind: 'correctChannel'; channel: Channel }
  | { kind: 'correctReceivedAt'; minutesEarlier: number }
  | { kind: 'correctResultAt'; minutesEarlier: number };

export interface DossierScript {
  refused: boolean;
  receivedOn: LocalDate;
  receivedTime: string;
  procedure: number;
  unit: number;
  channel: Channel;
  steps: { gapMinutes: number; intent: Intent }[];
}

const channelArb = fc.constantFrom<Channel>('counter', 'online', 'postal');
const minutes = fc.oneof(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 240, max: 60 * 24 * 8 }));

export const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  fc.record({ kind: fc.constant('transfer' as const), unit: fc.nat(20) }),
  fc.constant({ kind: 'requestSupplement' as const }),
  fc.constant({ kind: 'receiveSupplement' as const }),
  fc.constant({ kind: 'requestFinancial' as const }),
  fc.constant({ kind: 'fulfilFinancial' as const }),
  fc.record({ kind: fc.constant('reschedule' as const), workingDays: fc.integer({ min: 1, max: 10 }) }),
  fc.record({
    kind: fc.constant('result' as const),
    outcome: fc.constantFrom<Outcome>('approved', 'approved', 'refused'),
  }),
  fc.record({ kind: fc.constant('result' as const), outcome: fc.constant<Outcome>('approved') }),
  fc.record({ kind: fc.constant('return' as const), via: fc.constantFrom<ReturnVia>('counter', 'postal', 'online') }),
  fc.constant({ kind: 'withdraw' as const }),
  fc.constant({ kind: 'stop' as const }),
  fc.record({ kind: fc.constant('correctChannel' as const), channel: channelArb }),
  fc.record({
    kind: fc.constant('correctReceivedAt' as const),
    minutesEarlier: fc.integer({ min: 1, max: 60 * 24 * 3 }),
  }),
  fc.record({
    kind: fc.constant('correctResultAt' as const),
    minutesEarlier: fc.integer({ min: 1, max: 60 * 24 * 3 }),
  }),
);

/** Dossiers received within `days` days from `from` (keep inside the published calendar, 2019–2026). */
export function dossierScriptArb(
  from: LocalDate = '2020-01-01',
  days = 365,
  maxSteps = 14,
): fc.Arbitrary<DossierScript> {
  return fc.record({
    refused: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    receivedOn: fc.integer({ min: 0, max: days - 1 }).map((n) => addDays(from, n)),
    receivedTime: fc
      .integer({ min: 0, max: 1439 })
      .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`),
    procedure: fc.nat(100),
    unit: fc.nat(100),
    channel: channelArb,
    steps: fc.array(fc.record({ gapMinutes: minutes, intent: intentArb }), { maxLength: maxSteps }),
  });
}

const plusMinutes = (instant: Instant, n: number): Instant => new Date(Date.parse(instant) + n * 60_000).toISOString();
const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

export interface ScriptRun {
  events: DossierEvent[];
  state: DossierState;
  accepted: number;
  rejected: number;
}

/** Runs one script as dossier number `index`; rejected commands append nothing. */
export function runScript(script: DossierScript, index: number): ScriptRun {
  const receivedAt = instantAt(script.receivedOn, script.receivedTime);
  const unit = pick(HUE_2020_UNITS, script.unit);
  const procedures = hue2020ProcedureCatalogue().proceduresAt(script.receivedOn);
  const procedure = pick(procedures, script.procedure);
  const first: DossierCommand = script.refused
    ? {
        type: 'RefuseReceipt',
        refusalId: `r-${index}`,
        procedureCode: procedure.code,
        receivingUnitId: unit.id,
        channel: script.channel,
        reason: 'Không đủ điều kiện tiếp nhận',
        at: receivedAt,
      }
    : {
        type: 'ReceiveDossier',
        dossierId: `d-${index}`,
        code: formatDossierCode(unit.code, receivedAt, (index % 9999) + 1),
        procedure,
        receivingUnitId: unit.id,
        channel: script.channel,
        at: receivedAt,
      };
  const run: ScriptRun = { events: [], state: initialDossierState, accepted: 0, rejected: 0 };
  const apply = (command: DossierCommand) => {
    const decision = decide(run.state, command, context);
    if (!decision.ok) {
      run.rejected++;
      return;
    }
    run.accepted++;
    run.events.push(...decision.events);
    run.state = decision.events.reduce(evolve, run.state);
  };
  apply(first);
  let clock = receivedAt;
  for (const step of script.steps) {
    clock = plusMinutes(clock, step.gapMinutes);
    apply(commandFor(step.intent, run.state, clock));
  }
  return run;
}

function commandFor(intent: Intent, state: DossierState, at: Instant): DossierCommand {
  const reason = 'Lý do kiểm thử';
  switch (intent.kind) {
    case 'transfer':
      return { type: 'TransferDossier', toUnitId: pick(HUE_2020_UNITS, intent.unit).id, at };
    case 'requestSupplement':
      return { type: 'RequestSupplement', reason, at };
    case 'receiveSupplement':
      return { type: 'ReceiveSupplement', at };
    case 'requestFinancial':
      return { type: 'RequestFinancialObligation', amount: 500_000, at };
    case 'fulfilFinancial':
      return { type: 'FulfilFinancialObligation', at };
    case 'reschedule': {
      const due = state.status === 'none' || state.status === 'refused_at_receipt' ? null : state.dossier.dueDate;
      const base = due === null || due < localDateOf(at) ? localDateOf(at) : due;
      return {
        type: 'RescheduleDueDate',
        newAppointmentDate: context.calendar.addWorkingDays(base, intent.workingDays),
        reason,
        at,
      };
    }
    case 'result':
      return { type: 'RecordResult', outcome: intent.outcome, ...(intent.outcome === 'refused' ? { reason } : {}), at };
    case 'return':
      return { type: 'ReturnResult', via: intent.via, at };
    case 'withdraw':
      return { type: 'WithdrawDossier', reason, at };
    case 'stop':
      return { type: 'StopProcessing', reason, at };
    case 'correctChannel':
      return { type: 'CorrectEntry', changes: { channel: intent.channel }, reason, at };
    case 'correctReceivedAt': {
      const receivedAt =
        state.status === 'none' || state.status === 'refused_at_receipt' ? at : state.dossier.receivedAt;
      return {
        type: 'CorrectEntry',
        changes: { receivedAt: plusMinutes(receivedAt, -intent.minutesEarlier) },
        reason,
        at,
      };
    }
    case 'correctResultAt': {
      const resultAt = state.status === 'resolved' || state.status === 'returned' ? state.result.recordedAt : at;
      return { type: 'CorrectEntry', changes: { resultAt: plusMinutes(resultAt, -intent.minutesEarlier) }, reason, at };
    }
  }
}

/** A period of 1..`maxDays` days starting within `days` days of `from`. */
export function periodArb(
  from: LocalDate = '2020-01-01',
  days = 400,
  maxDays = 120,
): fc.Arbitrary<{ from: LocalDate; to: LocalDate }> {
  return fc
    .tuple(fc.integer({ min: 0, max: days }), fc.integer({ min: 0, max: maxDays - 1 }))
    .map(([start, length]) => ({
      from: addDays(from, start),
      to: addDays(from, start + length),
    }));
}
