import { defaultWorkingCalendar } from '../calendar';
import type {
  DeciderContext,
  DossierCommand,
  DossierEvent,
  DossierState,
  DossierStatus,
  ReceiveDossier,
} from '../dossier';
import { decide, evolve, formatDossierCode, initialDossierState } from '../dossier';
import { hue2020ProcedureCatalogue, type Procedure } from '../reference';
import { instantAt, type Instant, type LocalDate } from '../time/local-date';
import { DeciderSpecification } from './decider-specification';

/** Shared fixtures of the dossier specs: the Huế provincial centre, June 2020, the shipped calendar. */
export const context: DeciderContext = { calendar: defaultWorkingCalendar() };
export const dossierSpec = DeciderSpecification.for(decide, evolve, initialDossierState, context);

export const UNIT = 'tth-pvhcc';
export const UNIT_CODE = '000.00.01.H57';
export const OTHER_UNIT = 'tth-hcc-hue';

/** Local (Vietnam) date and time → instant. */
export const at = (date: LocalDate, time = '09:00'): Instant => instantAt(date, time);

function procedure(code: string, date: LocalDate): Procedure {
  const found = hue2020ProcedureCatalogue().procedureAt(code, date);
  if (!found) throw new Error(`No procedure ${code} on ${date}`);
  return found;
}
/** 3 working days. */
export const BUSINESS_REGISTRATION = procedure('T-DKDN-01', '2020-06-10');
/** Immediate: no due date. */
export const COPY_CERTIFICATION = procedure('H-CT-01', '2020-06-10');
/** 10 calendar days. */
export const JUDICIAL_RECORD = procedure('T-LLTP-01', '2020-06-10');

/** Wednesday 10/6/2020 09:00 — due Monday 15/6/2020 for 3 working days. */
export const RECEIVED_AT = at('2020-06-10');
export const DUE_DATE = '2020-06-15';

export function receive(over: Partial<ReceiveDossier> = {}): ReceiveDossier {
  const when = over.at ?? RECEIVED_AT;
  return {
    type: 'ReceiveDossier',
    dossierId: 'd-1',
    code: formatDossierCode(UNIT_CODE, when, 1),
    procedure: BUSINESS_REGISTRATION,
    receivingUnitId: UNIT,
    channel: 'counter',
    ...over,
    at: when,
  };
}

/** Runs commands through decide/evolve from the initial state; throws on the first rejection. */
export function history(...commands: DossierCommand[]): DossierEvent[] {
  let state: DossierState = initialDossierState;
  const events: DossierEvent[] = [];
  for (const command of commands) {
    const decision = decide(state, command, context);
    if (!decision.ok) throw new Error(`${command.type} rejected: ${decision.error.code} ${decision.error.message}`);
    events.push(...decision.events);
    state = decision.events.reduce(evolve, state);
  }
  return events;
}

const refuse: DossierCommand = {
  type: 'RefuseReceipt',
  refusalId: 'r-1',
  procedureCode: BUSINESS_REGISTRATION.code,
  receivingUnitId: UNIT,
  channel: 'counter',
  reason: 'Hồ sơ không thuộc thẩm quyền',
  at: RECEIVED_AT,
};

/** One history leading to each status (all before 19/6/2020). */
export const HISTORIES: Readonly<Record<DossierStatus, () => DossierEvent[]>> = {
  none: () => [],
  refused_at_receipt: () => history(refuse),
  in_progress: () => history(receive()),
  awaiting_supplement: () =>
    history(receive(), { type: 'RequestSupplement', reason: 'Thiếu điều lệ công ty', at: at('2020-06-11') }),
  awaiting_financial_obligation: () =>
    history(receive(), { type: 'RequestFinancialObligation', amount: 100_000, at: at('2020-06-11') }),
  resolved: () => history(receive(), { type: 'RecordResult', outcome: 'approved', at: at('2020-06-12') }),
  returned: () =>
    history(
      receive(),
      { type: 'RecordResult', outcome: 'approved', at: at('2020-06-12') },
      { type: 'ReturnResult', via: 'counter', at: at('2020-06-12', '15:00') },
    ),
  withdrawn: () =>
    history(receive(), { type: 'WithdrawDossier', reason: 'Công dân xin rút hồ sơ', at: at('2020-06-11') }),
  stopped: () => history(receive(), { type: 'StopProcessing', reason: 'Quá hạn bổ sung hồ sơ', at: at('2020-06-11') }),
};

export const STATUSES = Object.keys(HISTORIES) as DossierStatus[];
