import type { DossierCommand, Procedure, Role, SealedApplicantData } from '@app/domain';
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

export interface DossierAction<B> {
  /** URL segment: POST /dossiers/{id}/{path}. */
  path: string;
  /** The body's class (B): validated by the pipe, documented in OpenAPI. */
  dto: new () => object;
  summary: string;
  roles: Role[];
  build(body: B, at: string, context: ActionContext): DossierCommand;
}

const COUNTER: Role[] = ['clerk', 'supervisor', 'admin'];

/** The lifecycle commands of DOMAIN.md after receipt: one row each, one endpoint each (dossier-lifecycle.controller.ts). */
export const DOSSIER_ACTIONS = {
  transfer: {
    path: 'transfer',
    dto: TransferDto,
    summary: 'Chuyển hồ sơ (liên thông) to another unit or step',
    roles: COUNTER,
    build: (b: TransferDto, at, ctx) => {
      ctx.unitExists(b.toUnitId, 'toUnitId');
      return { type: 'TransferDossier', at, toUnitId: b.toUnitId, stepDueDate: b.stepDueDate, reason: b.reason };
    },
  } satisfies DossierAction<TransferDto>,
  requestSupplement: {
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
  } satisfies DossierAction<RequestSupplementDto>,
  receiveSupplement: {
    path: 'receive-supplement',
    dto: LifecycleDto,
    summary: 'Supplementary documents received: the due date moves per the supplement policy',
    roles: COUNTER,
    build: (_b: LifecycleDto, at) => ({ type: 'ReceiveSupplement', at }),
  } satisfies DossierAction<LifecycleDto>,
  requestFinancialObligation: {
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
  } satisfies DossierAction<FinancialObligationDto>,
  fulfilFinancialObligation: {
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
  } satisfies DossierAction<FinancialObligationDto>,
  reschedule: {
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
  } satisfies DossierAction<RescheduleDto>,
  recordResult: {
    path: 'record-result',
    dto: RecordResultDto,
    summary: 'Result ready: approved, or refused after appraisal',
    roles: COUNTER,
    build: (b: RecordResultDto, at) => ({ type: 'RecordResult', at, outcome: b.outcome, reason: b.reason }),
  } satisfies DossierAction<RecordResultDto>,
  returnResult: {
    path: 'return-result',
    dto: ReturnResultDto,
    summary: 'Result handed over (counter, postal, online)',
    roles: COUNTER,
    build: (b: ReturnResultDto, at) => ({ type: 'ReturnResult', at, via: b.via }),
  } satisfies DossierAction<ReturnResultDto>,
  withdraw: {
    path: 'withdraw',
    dto: ReasonDto,
    summary: 'The applicant withdrew the dossier',
    roles: COUNTER,
    build: (b: ReasonDto, at) => ({ type: 'WithdrawDossier', at, reason: b.reason }),
  } satisfies DossierAction<ReasonDto>,
  stop: {
    path: 'stop',
    dto: ReasonDto,
    summary: 'Processing stopped by the agency',
    roles: COUNTER,
    build: (b: ReasonDto, at) => ({ type: 'StopProcessing', at, reason: b.reason }),
  } satisfies DossierAction<ReasonDto>,
  correct: {
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
  } satisfies DossierAction<CorrectDto>,
} as const;

export type DossierActionName = keyof typeof DOSSIER_ACTIONS;
