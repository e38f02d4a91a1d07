import type { DossierCommandOf, DossierCommandType, Procedure, Role, SealedApplicantData } from '@app/domain';
import {
  CorrectDto,
  FinancialObligationDto,
  LifecycleDto,
  ReasonDto,
  RecordResultDto,
  RequestSupplementDto,
  RescheduleDto,
  ReturnResultDto,
  TransferDto,
} from '../dto/lifecycle.dto';

/** Resolves what a command needs from reference data (a corrected procedure's record). */
export interface ActionContext {
  procedureAt(code: string): Procedure;
  unitExists(id: string, field: string): void;
}

export interface DossierAction<B, T extends DossierCommandType = DossierCommandType> {
  /** The decider's command it builds: its row of COMMAND_STATE_MATRIX says in which states the action is allowed. */
  commandType: T;
  /** URL segment: POST /dossiers/{id}/{path}. */
  path: string;
  /** What the counter's button says (Vietnamese). */
  label: string;
  /** The body's class (B): validated by the pipe, documented in OpenAPI. */
  dto: new () => object;
  summary: string;
  roles: Role[];
  build(body: B, at: string, context: ActionContext): DossierCommandOf<T>;
}

const COUNTER: Role[] = ['clerk', 'supervisor', 'admin'];

/** The lifecycle commands of DOMAIN.md after receipt: one row each, one endpoint each (dossier-lifecycle.controller.ts). */
export const DOSSIER_ACTIONS = {
  transfer: {
    commandType: 'TransferDossier',
    label: 'Chuyển xử lý',
    path: 'transfer',
    dto: TransferDto,
    summary: 'Chuyển hồ sơ (liên thông) to another unit or step',
    roles: COUNTER,
    build: (b: TransferDto, at, ctx) => {
      ctx.unitExists(b.toUnitId, 'toUnitId');
      return { type: 'TransferDossier', at, toUnitId: b.toUnitId, stepDueDate: b.stepDueDate, reason: b.reason };
    },
  } satisfies DossierAction<TransferDto, 'TransferDossier'>,
  requestSupplement: {
    commandType: 'RequestSupplement',
    label: 'Yêu cầu bổ sung hồ sơ',
    path: 'request-supplement',
    dto: RequestSupplementDto,
    summary: 'Return the dossier for supplementary documents (Mẫu 02)',
    roles: COUNTER,
    build: (b: RequestSupplementDto, at) => ({
      type: 'RequestSupplement',
      at,
      reason: b.reason,
      documents: b.documents,
    }),
  } satisfies DossierAction<RequestSupplementDto, 'RequestSupplement'>,
  receiveSupplement: {
    commandType: 'ReceiveSupplement',
    label: 'Tiếp nhận hồ sơ bổ sung',
    path: 'receive-supplement',
    dto: LifecycleDto,
    summary: 'Supplementary documents received: the due date moves per the supplement policy',
    roles: COUNTER,
    build: (_b: LifecycleDto, at) => ({ type: 'ReceiveSupplement', at }),
  } satisfies DossierAction<LifecycleDto, 'ReceiveSupplement'>,
  requestFinancialObligation: {
    commandType: 'RequestFinancialObligation',
    label: 'Thông báo nghĩa vụ tài chính',
    path: 'request-financial-obligation',
    dto: FinancialObligationDto,
    summary: 'Waiting for fees or taxes',
    roles: COUNTER,
    build: (b: FinancialObligationDto, at) => ({
      type: 'RequestFinancialObligation',
      at,
      amount: b.amount,
      description: b.description,
    }),
  } satisfies DossierAction<FinancialObligationDto, 'RequestFinancialObligation'>,
  fulfilFinancialObligation: {
    commandType: 'FulfilFinancialObligation',
    label: 'Xác nhận hoàn thành nghĩa vụ tài chính',
    path: 'fulfil-financial-obligation',
    dto: FinancialObligationDto,
    summary: 'Fees or taxes paid',
    roles: COUNTER,
    build: (b: FinancialObligationDto, at) => ({
      type: 'FulfilFinancialObligation',
      at,
      amount: b.amount,
      description: b.description,
    }),
  } satisfies DossierAction<FinancialObligationDto, 'FulfilFinancialObligation'>,
  reschedule: {
    commandType: 'RescheduleDueDate',
    label: 'Gia hạn, hẹn lại ngày trả kết quả',
    path: 'reschedule',
    dto: RescheduleDto,
    summary: 'Apology letter and a new appointment (Mẫu 04), at most once',
    roles: COUNTER,
    build: (b: RescheduleDto, at) => ({
      type: 'RescheduleDueDate',
      at,
      newAppointmentDate: b.newAppointmentDate,
      reason: b.reason,
    }),
  } satisfies DossierAction<RescheduleDto, 'RescheduleDueDate'>,
  recordResult: {
    commandType: 'RecordResult',
    label: 'Ghi nhận kết quả giải quyết',
    path: 'record-result',
    dto: RecordResultDto,
    summary: 'Result ready: approved, or refused after appraisal',
    roles: COUNTER,
    build: (b: RecordResultDto, at) => ({ type: 'RecordResult', at, outcome: b.outcome, reason: b.reason }),
  } satisfies DossierAction<RecordResultDto, 'RecordResult'>,
  returnResult: {
    commandType: 'ReturnResult',
    label: 'Trả kết quả',
    path: 'return-result',
    dto: ReturnResultDto,
    summary: 'Result handed over (counter, postal, online)',
    roles: COUNTER,
    build: (b: ReturnResultDto, at) => ({ type: 'ReturnResult', at, via: b.via }),
  } satisfies DossierAction<ReturnResultDto, 'ReturnResult'>,
  withdraw: {
    commandType: 'WithdrawDossier',
    label: 'Rút hồ sơ theo yêu cầu',
    path: 'withdraw',
    dto: ReasonDto,
    summary: 'The applicant withdrew the dossier',
    roles: COUNTER,
    build: (b: ReasonDto, at) => ({ type: 'WithdrawDossier', at, reason: b.reason }),
  } satisfies DossierAction<ReasonDto, 'WithdrawDossier'>,
  stop: {
    commandType: 'StopProcessing',
    label: 'Dừng xử lý hồ sơ',
    path: 'stop',
    dto: ReasonDto,
    summary: 'Processing stopped by the agency',
    roles: COUNTER,
    build: (b: ReasonDto, at) => ({ type: 'StopProcessing', at, reason: b.reason }),
  } satisfies DossierAction<ReasonDto, 'StopProcessing'>,
  correct: {
    commandType: 'CorrectEntry',
    label: 'Điều chỉnh thông tin đã nhập',
    path: 'correct',
    dto: CorrectDto,
    summary: 'Correct an earlier entry (never edits history: a new event)',
    roles: ['supervisor', 'admin'],
    build: (b: CorrectDto, at, ctx) => {
      // the applicant arrives sealed: DossierCommands.act sealed it with the applicant's key before deciding
      const { procedureCode, applicant, ...rest } = b.changes as Omit<CorrectDto['changes'], 'applicant'> & {
        applicant?: SealedApplicantData;
      };
      if (rest.receivingUnitId) ctx.unitExists(rest.receivingUnitId, 'changes.receivingUnitId');
      if (rest.competentUnitId) ctx.unitExists(rest.competentUnitId, 'changes.competentUnitId');
      const changes = {
        ...rest,
        ...(procedureCode ? { procedure: ctx.procedureAt(procedureCode) } : {}),
        ...(applicant ? { applicant } : {}),
      };
      return { type: 'CorrectEntry', at, reason: b.reason, correctsPosition: b.correctsPosition, changes };
    },
  } satisfies DossierAction<CorrectDto, 'CorrectEntry'>,
} as const;

export type DossierActionName = keyof typeof DOSSIER_ACTIONS;
