import {
  type Channel,
  type DossierRecord,
  type Outcome,
  type ReturnVia,
  type Wait,
  classifyResolution,
  statusOf,
} from '@app/domain';
import { DOSSIER_TABLE, type DossierColumn, type RowOf, selectColumn } from '../schema/dossier-table';

/** A row of `read_models.dossiers` (a counter's or an auditor's view of one dossier): its shape is DOSSIER_TABLE. */
export type DossierRow = RowOf<typeof DOSSIER_TABLE>;

/** The columns in table order (the insert's and the upsert's list). */
export const DOSSIER_COLUMNS = Object.keys(DOSSIER_TABLE) as readonly DossierColumn[];

/** The row of a dossier's record; its status and the wait it is in come from the domain's precedence (statusOf). */
export function dossierRow(
  record: DossierRecord,
  dossierId: string,
  streamPosition: number,
  lastGlobalPosition: number,
  receivedBy: string | null = null,
): DossierRow {
  const status = statusOf(record);
  const open =
    status === 'awaiting_supplement' || status === 'awaiting_financial_obligation' ? openWait(record) : undefined;
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
    received_by: receivedBy,
  };
}

/** The wait on the applicant not ended yet (the latest one). */
function openWait(record: DossierRecord): Wait | undefined {
  return record.waits.findLast((w) => w.to === null);
}

/** The columns a record is read back from (the inverse of dossierRow): what recordFromRow needs. */
const RECORD_SOURCE = [
  'dossier_id',
  'stream_position',
  'code',
  'procedure_code',
  'receiving_unit_id',
  'competent_unit_id',
  'current_unit_id',
  'channel',
  'received_at',
  'received_on',
  'due_date',
  'appointment_date',
  'result_at',
  'result_on',
  'outcome',
  'returned_on',
  'returned_via',
  'withdrawn_on',
  'stopped_on',
  'supplement_requests',
  'waits',
  'corrections',
  'last_event_at',
  'received_by',
] as const satisfies readonly DossierColumn[];

export type StoredRow = Pick<DossierRow, (typeof RECORD_SOURCE)[number]>;

/** The select list of RECORD_SOURCE: dates as text and instants in the canonical UTC form, whatever the time zone. */
export const RECORD_COLUMNS = RECORD_SOURCE.map(selectColumn).join(', ');

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
