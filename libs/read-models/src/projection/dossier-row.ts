import { type Channel, type DossierRecord, type Outcome, type ReturnVia, type Wait, classifyResolution, statusOf } from '@app/domain';

/** The columns of `read_models.dossiers` (a counter's or an auditor's view of one dossier). */
export interface DossierRow {
  dossier_id: string;
  stream_position: number;
  last_global_position: number;
  code: string;
  procedure_code: string;
  receiving_unit_id: string;
  competent_unit_id: string;
  current_unit_id: string;
  channel: string;
  status: string;
  received_at: string;
  received_on: string;
  due_date: string | null;
  appointment_date: string | null;
  result_at: string | null;
  result_on: string | null;
  outcome: string | null;
  resolution: string | null;
  returned_on: string | null;
  returned_via: string | null;
  withdrawn_on: string | null;
  stopped_on: string | null;
  waiting_for: string | null;
  waiting_since: string | null;
  supplement_requests: number;
  corrections: number;
  last_event_at: string;
  waits: Wait[];
}

export const DOSSIER_COLUMNS = [
  'dossier_id', 'stream_position', 'last_global_position', 'code', 'procedure_code', 'receiving_unit_id', 'competent_unit_id',
  'current_unit_id', 'channel', 'status', 'received_at', 'received_on', 'due_date', 'appointment_date', 'result_at', 'result_on',
  'outcome', 'resolution', 'returned_on', 'returned_via', 'withdrawn_on', 'stopped_on', 'waiting_for', 'waiting_since',
  'supplement_requests', 'corrections', 'last_event_at', 'waits',
] as const satisfies readonly (keyof DossierRow)[];

/** The row of a dossier's record; its status and the wait it is in come from the domain's precedence (statusOf). */
export function dossierRow(record: DossierRecord, dossierId: string, streamPosition: number, lastGlobalPosition: number): DossierRow {
  const status = statusOf(record);
  const open = status === 'awaiting_supplement' || status === 'awaiting_financial_obligation' ? openWait(record) : undefined;
  return {
    dossier_id: dossierId,
    stream_position: streamPosition,
    last_global_position: lastGlobalPosition,
    code: record.code,
    procedure_code: record.procedureCode,
    receiving_unit_id: record.receivingUnitId,
    competent_unit_id: record.competentUnitId,
    current_unit_id: record.currentUnitId,
    channel: record.channel,
    status,
    received_at: record.receivedAt,
    received_on: record.receivedOn,
    due_date: record.dueDate,
    appointment_date: record.appointmentDate,
    result_at: record.resultAt,
    result_on: record.resultOn,
    outcome: record.outcome,
    resolution: record.resultOn !== null ? classifyResolution(record) : null,
    returned_on: record.returnedOn,
    returned_via: record.returnedVia,
    withdrawn_on: record.withdrawnOn,
    stopped_on: record.stoppedOn,
    waiting_for: open?.kind ?? null,
    waiting_since: open?.from ?? null,
    supplement_requests: record.supplementRequests,
    corrections: record.corrections,
    last_event_at: record.lastEventAt,
    waits: record.waits,
  };
}

/** The wait on the applicant not ended yet (the latest one). */
function openWait(record: DossierRecord): Wait | undefined {
  return record.waits.findLast((w) => w.to === null);
}

/**
 * The columns to read a row back as a record: dates as text and instants in the canonical UTC form, whatever the
 * session or process time zone.
 */
export const RECORD_COLUMNS = `dossier_id, stream_position, code, procedure_code, receiving_unit_id, competent_unit_id, current_unit_id, channel,
  ${instant('received_at')}, received_on::text AS received_on, due_date::text AS due_date, appointment_date::text AS appointment_date,
  ${instant('result_at')}, result_on::text AS result_on, outcome, returned_on::text AS returned_on, returned_via,
  withdrawn_on::text AS withdrawn_on, stopped_on::text AS stopped_on, supplement_requests, waits, corrections, ${instant('last_event_at')}`;

function instant(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;
}

export type StoredRow = Pick<
  DossierRow,
  | 'dossier_id' | 'stream_position' | 'code' | 'procedure_code' | 'receiving_unit_id' | 'competent_unit_id' | 'current_unit_id' | 'channel'
  | 'received_at' | 'received_on' | 'due_date' | 'appointment_date' | 'result_at' | 'result_on' | 'outcome' | 'returned_on' | 'returned_via'
  | 'withdrawn_on' | 'stopped_on' | 'supplement_requests' | 'waits' | 'corrections' | 'last_event_at'
>;

/** The record a row holds (the inverse of dossierRow). */
export function recordFromRow(row: StoredRow): DossierRecord {
  return {
    dossierId: row.dossier_id,
    code: row.code,
    procedureCode: row.procedure_code,
    receivingUnitId: row.receiving_unit_id,
    competentUnitId: row.competent_unit_id,
    currentUnitId: row.current_unit_id,
    channel: row.channel as Channel,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    dueDate: row.due_date,
    appointmentDate: row.appointment_date,
    resultAt: row.result_at,
    resultOn: row.result_on,
    outcome: row.outcome as Outcome | null,
    returnedOn: row.returned_on,
    returnedVia: row.returned_via as ReturnVia | null,
    withdrawnOn: row.withdrawn_on,
    stoppedOn: row.stopped_on,
    supplementRequests: row.supplement_requests,
    waits: row.waits,
    corrections: row.corrections,
    lastEventAt: row.last_event_at,
  };
}
