import { supplementPolicyOn, type TimeLimit } from '../deadlines';
import { isProcedureInForce } from '../reference/procedure';
import { localDateOf, toInstant, type Instant } from '../time/local-date';
import type { CorrectEntry, CorrectionRequest } from './commands';
import { recomputeDueDate, type DeciderContext } from './context';
import { accept, reject, type Decision } from './errors';
import { dossierEvent, type CorrectionChanges, type DossierEvent } from './events';
import type { DossierState, ReceivedDossierState } from './state';
import { isBefore, isBlank, isChannel, validInstant } from './validation';

type Step = { ok: true } | { ok: false; decision: Decision<DossierEvent> };
const fine: Step = { ok: true };
const fail = (...args: Parameters<typeof reject>): Step => ({ ok: false, decision: reject(...args) });

/**
 * A wrong entry is never edited: EntryCorrected records what the clerk fixed and what follows from it
 * (a corrected receipt time or procedure recomputes the due date and the supplement policy in force).
 */
export function decideCorrection(
  state: DossierState,
  command: CorrectEntry,
  at: Instant,
  context: DeciderContext,
): Decision<DossierEvent> {
  if (state.status === 'none' || state.status === 'refused_at_receipt') return reject('DOSSIER_NOT_FOUND');
  if (isBlank(command.reason)) return reject('REASON_REQUIRED', 'Lý do điều chỉnh thông tin.');
  const position = command.correctsPosition;
  if (position !== undefined && (!Number.isInteger(position) || position < 0)) {
    return reject('INVALID_COMMAND', `Vị trí bản ghi cần điều chỉnh không hợp lệ: ${String(position)}.`);
  }
  const changes: CorrectionChanges = {};
  const request: CorrectionRequest = command.changes ?? {};
  for (const step of [correctReceipt, correctFacts, correctResult]) {
    const outcome = step(state, request, changes, at);
    if (!outcome.ok) return outcome.decision;
  }
  if (request.applicant !== undefined) changes.applicant = request.applicant;
  recomputeDependants(state, changes, context);
  if (Object.keys(changes).length === 0) return reject('NOTHING_TO_CORRECT');
  return accept(
    dossierEvent('EntryCorrected', {
      ...(position !== undefined ? { correctsPosition: position } : {}),
      changes,
      reason: command.reason.trim(),
      occurredAt: at,
    }),
  );
}

function correctReceipt(
  state: ReceivedDossierState,
  request: CorrectionRequest,
  changes: CorrectionChanges,
  at: Instant,
): Step {
  const facts = state.dossier;
  if (request.receivedAt !== undefined) {
    if (!validInstant(request.receivedAt))
      return fail('INVALID_CORRECTION', `Thời điểm tiếp nhận không hợp lệ: "${String(request.receivedAt)}".`);
    const value = toInstant(request.receivedAt);
    if (isBefore(at, value))
      return fail('INVALID_CORRECTION', 'Thời điểm tiếp nhận không thể sau thời điểm điều chỉnh.');
    if (facts.firstActivityAt !== null && isBefore(facts.firstActivityAt, value)) {
      return fail(
        'INVALID_CORRECTION',
        `Thời điểm tiếp nhận không thể sau thao tác xử lý đầu tiên (${facts.firstActivityAt}).`,
      );
    }
    if (value !== facts.receivedAt) changes.receivedAt = value;
  }
  if (request.procedure !== undefined) {
    const procedure = request.procedure;
    const receivedOn = localDateOf(changes.receivedAt ?? facts.receivedAt);
    if (isBlank(procedure?.code)) return fail('INVALID_CORRECTION', 'Thiếu mã thủ tục hành chính.');
    if (!isProcedureInForce(procedure, receivedOn))
      return fail('PROCEDURE_NOT_IN_FORCE', `${procedure.code} — ${procedure.name}.`);
    if (procedure.code !== facts.procedureCode) changes.procedureCode = procedure.code;
    if (!sameTimeLimit(procedure.timeLimit, facts.timeLimit)) changes.timeLimit = procedure.timeLimit;
  }
  return fine;
}

function correctFacts(state: ReceivedDossierState, request: CorrectionRequest, changes: CorrectionChanges): Step {
  const facts = state.dossier;
  if (request.channel !== undefined) {
    if (!isChannel(request.channel))
      return fail('INVALID_CORRECTION', `Kênh tiếp nhận không hợp lệ: "${String(request.channel)}".`);
    if (request.channel !== facts.channel) changes.channel = request.channel;
  }
  for (const field of ['receivingUnitId', 'competentUnitId'] as const) {
    const value = request[field];
    if (value === undefined) continue;
    if (isBlank(value)) return fail('INVALID_CORRECTION', `Thiếu đơn vị (${field}).`);
    if (value !== facts[field]) changes[field] = value;
  }
  return fine;
}

function correctResult(
  state: ReceivedDossierState,
  request: CorrectionRequest,
  changes: CorrectionChanges,
  at: Instant,
): Step {
  if (request.resultAt === undefined) return fine;
  if (state.status !== 'resolved' && state.status !== 'returned') return fail('RESULT_NOT_RECORDED');
  if (!validInstant(request.resultAt))
    return fail('INVALID_CORRECTION', `Thời điểm có kết quả không hợp lệ: "${String(request.resultAt)}".`);
  const value = toInstant(request.resultAt);
  const receivedAt = changes.receivedAt ?? state.dossier.receivedAt;
  const latest = state.status === 'returned' ? state.returnedAt : at;
  if (isBefore(value, state.result.notBefore) || isBefore(value, receivedAt)) {
    return fail('INVALID_CORRECTION', 'Thời điểm có kết quả không thể trước thao tác xử lý trước đó.');
  }
  if (isBefore(latest, value))
    return fail(
      'INVALID_CORRECTION',
      'Thời điểm có kết quả không thể sau thời điểm trả kết quả hoặc thời điểm điều chỉnh.',
    );
  if (value !== state.result.recordedAt) changes.resultAt = value;
  return fine;
}

function recomputeDependants(state: ReceivedDossierState, changes: CorrectionChanges, context: DeciderContext): void {
  if (changes.receivedAt === undefined && changes.timeLimit === undefined) return;
  const facts = state.dossier;
  const receivedAt = changes.receivedAt ?? facts.receivedAt;
  const timeLimit = changes.timeLimit ?? facts.timeLimit;
  const { policy, version } = supplementPolicyOn(localDateOf(receivedAt));
  const dueDate = recomputeDueDate(
    { receivedAt, timeLimit, supplementPolicy: policy, supplements: facts.supplements },
    context,
  );
  if (dueDate !== facts.dueDate) changes.dueDate = dueDate;
  if (policy !== facts.supplementPolicy) changes.supplementPolicy = policy;
  if (version !== facts.policyVersion) changes.policyVersion = version;
  if (context.calendar.version !== facts.calendarVersion) changes.calendarVersion = context.calendar.version;
}

function sameTimeLimit(a: TimeLimit, b: TimeLimit): boolean {
  return a.unit === b.unit && ('amount' in a ? a.amount : null) === ('amount' in b ? b.amount : null);
}
