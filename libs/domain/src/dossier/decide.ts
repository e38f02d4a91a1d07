import { CalendarError } from '../calendar';
import { DeadlineError } from '../deadlines';
import { toInstant, type Instant } from '../time/local-date';
import type { DossierCommand } from './commands';
import type { DeciderContext } from './context';
import { decideCorrection } from './decide-correction';
import { decideFinancial, decideSupplement } from './decide-waiting';
import { decideClosing } from './decide-closing';
import { decideProcessing } from './decide-processing';
import { decideReceipt } from './decide-receipt';
import { DossierRejected, reject, type Decision } from './errors';
import type { DossierEvent } from './events';
import { lastEventAt, type DossierState } from './state';
import { transitionFor } from './transitions';
import { isBefore, validInstant } from './validation';

export type { DeciderContext } from './context';
export type DossierDecision = Decision<DossierEvent>;

/**
 * The dossier decider: given the state folded from the stream and a command, the events to append or the
 * reason nothing is appended. Pure; the order of checks is: state (COMMAND_STATE_MATRIX), business time
 * (valid, not before the last event), then the command's own fields.
 */
export function decide(state: DossierState, command: DossierCommand, context: DeciderContext): DossierDecision {
  const transition = transitionFor(command.type, state.status);
  if (transition !== 'allowed') return reject(transition);
  if (!validInstant(command.at)) return reject('INVALID_TIME', `"${String(command.at)}"`);
  const last = lastEventAt(state);
  if (last !== null && isBefore(command.at, last)) return reject('TIME_BEFORE_LAST_EVENT');
  const at = toInstant(command.at);
  try {
    return decideAllowed(state, command, at, context);
  } catch (error) {
    if (error instanceof CalendarError && error.code === 'calendar_year_not_covered')
      return reject('CALENDAR_NOT_COVERED', error.message);
    if (error instanceof DeadlineError) return reject('INVALID_COMMAND', error.message);
    throw error;
  }
}

function decideAllowed(
  state: DossierState,
  command: DossierCommand,
  at: Instant,
  context: DeciderContext,
): DossierDecision {
  switch (command.type) {
    case 'ReceiveDossier':
    case 'RefuseReceipt':
      return decideReceipt(command, at, context);
    case 'CorrectEntry':
      return decideCorrection(state, command, at, context);
  }
  if (state.status === 'none' || state.status === 'refused_at_receipt') return reject('DOSSIER_NOT_FOUND');
  switch (command.type) {
    case 'TransferDossier':
    case 'RecordResult':
    case 'RescheduleDueDate':
      return decideProcessing(state, command, at, context);
    case 'RequestSupplement':
    case 'ReceiveSupplement':
      return decideSupplement(state, command, at, context);
    case 'RequestFinancialObligation':
    case 'FulfilFinancialObligation':
      return decideFinancial(command, at);
    case 'ReturnResult':
    case 'WithdrawDossier':
    case 'StopProcessing':
      return decideClosing(command, at);
  }
}

/** decide for callers that prefer exceptions: throws DossierRejected. */
export function decideOrThrow(state: DossierState, command: DossierCommand, context: DeciderContext): DossierEvent[] {
  const decision = decide(state, command, context);
  if (!decision.ok) throw new DossierRejected(decision.error);
  return decision.events;
}
