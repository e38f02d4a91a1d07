import { supplementPolicyOn, dueDateFor } from '../deadlines';
import { isProcedureInForce } from '../reference/procedure';
import { localDateOf, type Instant } from '../time/local-date';
import type { ReceiveDossier, RefuseReceipt } from './commands';
import type { DeciderContext } from './context';
import { parseDossierCode } from './dossier-code';
import { accept, reject, type Decision } from './errors';
import { dossierEvent, type DossierEvent } from './events';
import { isBlank, isChannel, missingField } from './validation';

/** Receipt (Mẫu 01) or refusal at receipt (Mẫu 03); both only on a new stream (checked by the matrix). */
export function decideReceipt(
  command: ReceiveDossier | RefuseReceipt,
  at: Instant,
  context: DeciderContext,
): Decision<DossierEvent> {
  if (!isChannel(command.channel))
    return reject('INVALID_COMMAND', `Kênh tiếp nhận không hợp lệ: "${String(command.channel)}".`);
  if (command.type === 'RefuseReceipt') {
    const missing = missingField({
      refusalId: command.refusalId,
      procedureCode: command.procedureCode,
      receivingUnitId: command.receivingUnitId,
    });
    if (missing) return reject('INVALID_COMMAND', missing);
    if (isBlank(command.reason)) return reject('REASON_REQUIRED', 'Lý do từ chối tiếp nhận hồ sơ.');
    return accept(
      dossierEvent('ReceiptRefused', {
        refusalId: command.refusalId,
        procedureCode: command.procedureCode,
        receivingUnitId: command.receivingUnitId,
        channel: command.channel,
        reason: command.reason.trim(),
        occurredAt: at,
      }),
    );
  }
  return receive(command, at, context);
}

function receive(command: ReceiveDossier, at: Instant, context: DeciderContext): Decision<DossierEvent> {
  const missing = missingField({
    dossierId: command.dossierId,
    receivingUnitId: command.receivingUnitId,
    procedure: command.procedure?.code,
  });
  if (missing) return reject('INVALID_COMMAND', missing);
  if (command.competentUnitId !== undefined && isBlank(command.competentUnitId))
    return reject('INVALID_COMMAND', 'Thiếu trường "competentUnitId".');
  const receivedOn = localDateOf(at);
  const parsed = parseDossierCode(command.code);
  if (!parsed || parsed.receivedOn !== receivedOn)
    return reject('INVALID_DOSSIER_CODE', `"${command.code}" (ngày tiếp nhận ${receivedOn}).`);
  const { procedure } = command;
  if (!isProcedureInForce(procedure, receivedOn))
    return reject('PROCEDURE_NOT_IN_FORCE', `${procedure.code} — ${procedure.name}.`);
  const { policy, version } = supplementPolicyOn(receivedOn);
  return accept(
    dossierEvent('DossierReceived', {
      dossierId: command.dossierId,
      code: command.code,
      procedureCode: procedure.code,
      receivingUnitId: command.receivingUnitId,
      competentUnitId: command.competentUnitId ?? command.receivingUnitId,
      channel: command.channel,
      receivedAt: at,
      dueDate: dueDateFor(context.calendar, at, procedure.timeLimit, context.dueDateRules),
      timeLimit: procedure.timeLimit,
      calendarVersion: context.calendar.version,
      supplementPolicy: policy,
      policyVersion: version,
      ...(command.applicantReference !== undefined ? { applicantReference: command.applicantReference } : {}),
      ...(command.applicant !== undefined ? { applicant: command.applicant } : {}),
      occurredAt: at,
    }),
  );
}
