export {
  type Channel,
  CHANNELS,
  type CorrectionChanges,
  CURRENT_SCHEMA_VERSIONS,
  DOSSIER_EVENT_TYPES,
  dossierEvent,
  type DossierEvent,
  type DossierEventOf,
  type DossierEventType,
  type DossierReceived,
  type DossierTransferred,
  type DossierWithdrawn,
  type DueDateRescheduled,
  type EntryCorrected,
  type FinancialObligationFulfilled,
  type FinancialObligationRequested,
  isDossierEventType,
  type Outcome,
  type ProcessingStopped,
  type ReceiptRefused,
  type ResultRecorded,
  type ResultReturned,
  type ReturnVia,
  type SupplementReceived,
  type SupplementRequested,
} from './events';
export {
  type CorrectEntry,
  type CorrectionRequest,
  DOSSIER_COMMAND_TYPES,
  type DossierCommand,
  type DossierCommandOf,
  type DossierCommandType,
  type FulfilFinancialObligation,
  type ReceiveDossier,
  type ReceiveSupplement,
  type RecordResult,
  type RefuseReceipt,
  type RequestFinancialObligation,
  type RequestSupplement,
  type RescheduleDueDate,
  type ReturnResult,
  type StopProcessing,
  type TransferDossier,
  type WithdrawDossier,
} from './commands';
export {
  completedSupplements,
  DOSSIER_STATUSES,
  type DossierFacts,
  type DossierState,
  type DossierStatus,
  initialDossierState,
  isReceived,
  lastEventAt,
  openSupplement,
  type ReceivedDossierState,
  type RecordedResult,
  type SupplementCycle,
} from './state';
export {
  accept,
  type Decision,
  DOSSIER_ERROR_MESSAGES,
  dossierError,
  type DossierError,
  type DossierErrorCode,
  DossierRejected,
  reject,
} from './errors';
export { COMMAND_STATE_MATRIX, transitionFor, type Transition } from './transitions';
export { decide, decideOrThrow, type DossierDecision } from './decide';
export { type DeciderContext, type DueDateInputs, recomputeDueDate } from './context';
export { evolve, foldDossier } from './evolve';
export { upcast, toDossierEvent, DOSSIER_UPCASTERS, UpcastError, type RawDossierEvent, type UpcastStep, type UpcasterRegistry } from './upcasting';
export { formatDossierCode, parseDossierCode, MAX_DAILY_SEQUENCE, type DossierCodeParts } from './dossier-code';
export { DOSSIER_STREAM_PREFIX, RECEIPT_REFUSAL_STREAM_PREFIX, dossierStreamId, receiptRefusalStreamId, dossierIdOf } from './streams';
