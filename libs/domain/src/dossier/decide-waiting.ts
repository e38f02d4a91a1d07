import { dueDateAfterSupplement } from '../deadlines';
import type { Instant } from '../time/local-date';
import type {
  FulfilFinancialObligation,
  ReceiveSupplement,
  RequestFinancialObligation,
  RequestSupplement,
} from './commands';
import type { DeciderContext } from './context';
import { accept, reject, type Decision } from './errors';
import { dossierEvent, type DossierEvent } from './events';
import { completedSupplements, openSupplement, type ReceivedDossierState } from './state';
import { badAmount, isBlank } from './validation';

/** Waiting on the applicant for documents (Mẫu 02); the due date moves per the recorded supplement policy. */
export function decideSupplement(
  state: ReceivedDossierState,
  command: RequestSupplement | ReceiveSupplement,
  at: Instant,
  context: DeciderContext,
): Decision<DossierEvent> {
  if (command.type === 'RequestSupplement') {
    if (isBlank(command.reason)) return reject('REASON_REQUIRED', 'Nội dung yêu cầu bổ sung, hoàn thiện hồ sơ.');
    if (command.documents !== undefined && (!Array.isArray(command.documents) || command.documents.some(isBlank))) {
      return reject('INVALID_COMMAND', 'Danh sách giấy tờ cần bổ sung không hợp lệ.');
    }
    return accept(
      dossierEvent('SupplementRequested', {
        reason: command.reason.trim(),
        ...(command.documents !== undefined ? { documents: [...command.documents] } : {}),
        occurredAt: at,
      }),
    );
  }
  const facts = state.dossier;
  const open = openSupplement(facts);
  if (!open) return reject('NO_SUPPLEMENT_REQUESTED');
  const newDueDate = dueDateAfterSupplement(context.calendar, {
    policy: facts.supplementPolicy,
    limit: facts.timeLimit,
    dueDate: facts.dueDate,
    receivedAt: facts.receivedAt,
    earlierSupplements: completedSupplements(facts),
    requestedAt: open.requestedAt,
    suppliedAt: at,
    rules: context.dueDateRules,
  });
  return accept(dossierEvent('SupplementReceived', { newDueDate, occurredAt: at }));
}

/** Waiting on the applicant for fees or taxes: its own bucket; the due date does not move. */
export function decideFinancial(
  command: RequestFinancialObligation | FulfilFinancialObligation,
  at: Instant,
): Decision<DossierEvent> {
  if (badAmount(command.amount)) return reject('INVALID_COMMAND', `Số tiền không hợp lệ: ${String(command.amount)}.`);
  const data = {
    ...(command.amount !== undefined ? { amount: command.amount } : {}),
    ...(!isBlank(command.description) ? { description: command.description?.trim() } : {}),
    occurredAt: at,
  };
  return accept(
    command.type === 'RequestFinancialObligation'
      ? dossierEvent('FinancialObligationRequested', data)
      : dossierEvent('FinancialObligationFulfilled', data),
  );
}
