import type { Instant } from '../time/local-date';
import type { ReturnResult, StopProcessing, WithdrawDossier } from './commands';
import { accept, reject, type Decision } from './errors';
import { dossierEvent, type DossierEvent } from './events';
import { isBlank } from './validation';

const RETURN_VIA = ['counter', 'postal', 'online'];

/** Hand-over of the result, withdrawal by the applicant, stop by the agency. */
export function decideClosing(
  command: ReturnResult | WithdrawDossier | StopProcessing,
  at: Instant,
): Decision<DossierEvent> {
  switch (command.type) {
    case 'ReturnResult':
      if (!RETURN_VIA.includes(command.via))
        return reject('INVALID_COMMAND', `Hình thức trả kết quả không hợp lệ: "${String(command.via)}".`);
      return accept(dossierEvent('ResultReturned', { via: command.via, occurredAt: at }));
    case 'WithdrawDossier':
      if (isBlank(command.reason)) return reject('REASON_REQUIRED', 'Lý do rút hồ sơ.');
      return accept(dossierEvent('DossierWithdrawn', { reason: command.reason.trim(), occurredAt: at }));
    case 'StopProcessing':
      if (isBlank(command.reason)) return reject('REASON_REQUIRED', 'Lý do dừng xử lý hồ sơ.');
      return accept(dossierEvent('ProcessingStopped', { reason: command.reason.trim(), occurredAt: at }));
  }
}
