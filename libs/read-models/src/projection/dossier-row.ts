import { type DossierRecord, classifyResolution } from '@app/domain';

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
  record: DossierRecord;
}

export const DOSSIER_COLUMNS = [
  'dossier_id', 'stream_position', 'last_global_position', 'code', 'procedure_code', 'receiving_unit_id', 'competent_unit_id',
  'current_unit_id', 'channel', 'status', 'received_at', 'received_on', 'due_date', 'appointment_date', 'result_at', 'result_on',
  'outcome', 'resolution', 'returned_on', 'returned_via', 'withdrawn_on', 'stopped_on', 'waiting_for', 'waiting_since',
  'supplement_requests', 'corrections', 'last_event_at', 'record',
] as const satisfies readonly (keyof DossierRow)[];

/**
 * The dossier's status as the counter sees it now, read off the record in the order the domain's states take
 * precedence: returned, resolved, withdrawn, stopped, waiting (the open wait), in progress.
 */
export function statusOf(record: DossierRecord): string {
  if (record.returnedOn !== null) return 'returned';
  if (record.resultOn !== null) return 'resolved';
  if (record.withdrawnOn !== null) return 'withdrawn';
  if (record.stoppedOn !== null) return 'stopped';
  const open = openWait(record);
  if (open) return open.kind === 'supplement' ? 'awaiting_supplement' : 'awaiting_financial_obligation';
  return 'in_progress';
}

function openWait(record: DossierRecord): DossierRecord['waits'][number] | undefined {
  return [...record.waits].reverse().find((w) => w.to === null);
}

export function dossierRow(record: DossierRecord, dossierId: string, streamPosition: number, lastGlobalPosition: number): DossierRow {
  const open = record.resultOn === null && record.withdrawnOn === null && record.stoppedOn === null ? openWait(record) : undefined;
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
    status: statusOf(record),
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
    record,
  };
}
