import type { DossierCommandType } from './commands';
import type { DossierErrorCode } from './errors';
import type { DossierStatus } from './state';

/**
 * Which command is allowed in which state — the whole state machine in one table. `decide` consults it
 * first; anything else (missing reason, time going backwards, a second reschedule...) is checked after.
 */
export type Transition = 'allowed' | DossierErrorCode;

const RECEIVED_BASE = {
  none: 'DOSSIER_NOT_FOUND',
  refused_at_receipt: 'RECEIPT_REFUSED',
  resolved: 'DOSSIER_ALREADY_RESOLVED',
  returned: 'DOSSIER_ALREADY_RESOLVED',
  withdrawn: 'DOSSIER_WITHDRAWN',
  stopped: 'PROCESSING_STOPPED',
} as const;

const ONLY_ON_NONE: Record<DossierStatus, Transition> = {
  none: 'allowed',
  refused_at_receipt: 'DOSSIER_ALREADY_EXISTS',
  in_progress: 'DOSSIER_ALREADY_EXISTS',
  awaiting_supplement: 'DOSSIER_ALREADY_EXISTS',
  awaiting_financial_obligation: 'DOSSIER_ALREADY_EXISTS',
  resolved: 'DOSSIER_ALREADY_EXISTS',
  returned: 'DOSSIER_ALREADY_EXISTS',
  withdrawn: 'DOSSIER_ALREADY_EXISTS',
  stopped: 'DOSSIER_ALREADY_EXISTS',
};

/** Processing steps the agency takes on a dossier that is with it (not waiting on the applicant). */
const ONLY_IN_PROGRESS: Record<DossierStatus, Transition> = {
  ...RECEIVED_BASE,
  in_progress: 'allowed',
  awaiting_supplement: 'DOSSIER_AWAITING_SUPPLEMENT',
  awaiting_financial_obligation: 'DOSSIER_AWAITING_FINANCIAL_OBLIGATION',
};

/** Anything before a result, withdrawal or stop. */
const WHILE_OPEN: Record<DossierStatus, Transition> = {
  ...RECEIVED_BASE,
  in_progress: 'allowed',
  awaiting_supplement: 'allowed',
  awaiting_financial_obligation: 'allowed',
};

export const COMMAND_STATE_MATRIX: Readonly<Record<DossierCommandType, Readonly<Record<DossierStatus, Transition>>>> = {
  ReceiveDossier: ONLY_ON_NONE,
  RefuseReceipt: ONLY_ON_NONE,
  TransferDossier: ONLY_IN_PROGRESS,
  RequestSupplement: { ...ONLY_IN_PROGRESS, awaiting_supplement: 'SUPPLEMENT_ALREADY_REQUESTED' },
  ReceiveSupplement: {
    ...RECEIVED_BASE,
    in_progress: 'NO_SUPPLEMENT_REQUESTED',
    awaiting_supplement: 'allowed',
    awaiting_financial_obligation: 'NO_SUPPLEMENT_REQUESTED',
  },
  RequestFinancialObligation: {
    ...ONLY_IN_PROGRESS,
    awaiting_financial_obligation: 'FINANCIAL_OBLIGATION_ALREADY_REQUESTED',
  },
  FulfilFinancialObligation: {
    ...RECEIVED_BASE,
    in_progress: 'NO_FINANCIAL_OBLIGATION_REQUESTED',
    awaiting_supplement: 'NO_FINANCIAL_OBLIGATION_REQUESTED',
    awaiting_financial_obligation: 'allowed',
  },
  // While awaiting a supplement the due date is not known yet (restart policy): reschedule after it arrives.
  RescheduleDueDate: { ...WHILE_OPEN, awaiting_supplement: 'DOSSIER_AWAITING_SUPPLEMENT' },
  RecordResult: ONLY_IN_PROGRESS,
  ReturnResult: {
    ...RECEIVED_BASE,
    in_progress: 'RESULT_NOT_RECORDED',
    awaiting_supplement: 'RESULT_NOT_RECORDED',
    awaiting_financial_obligation: 'RESULT_NOT_RECORDED',
    resolved: 'allowed',
    returned: 'RESULT_ALREADY_RETURNED',
  },
  WithdrawDossier: WHILE_OPEN,
  StopProcessing: WHILE_OPEN,
  // History is never edited: a wrong entry is corrected by a new event, in any state after receipt.
  CorrectEntry: {
    none: 'DOSSIER_NOT_FOUND',
    refused_at_receipt: 'RECEIPT_REFUSED',
    in_progress: 'allowed',
    awaiting_supplement: 'allowed',
    awaiting_financial_obligation: 'allowed',
    resolved: 'allowed',
    returned: 'allowed',
    withdrawn: 'allowed',
    stopped: 'allowed',
  },
};

export function transitionFor(command: DossierCommandType, status: DossierStatus): Transition {
  return COMMAND_STATE_MATRIX[command][status];
}
