import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  type DeciderContext,
  type DossierCommand,
  type DossierState,
  DossierRejected,
  decideOrThrow,
  dossierError,
  applicantProblems,
  dossierStreamId,
  localDateOf,
  normaliseApplicant,
  receiptRefusalStreamId,
} from '@app/domain';
import {
  type DecidedEvent,
  EVENT_STORE,
  type EventStore,
  type Handled,
  IdempotencyKeyReusedError,
  handleCommand,
} from '@app/event-store';
import {
  type ApplicantDto,
  applicantErased,
  ApplicantVault,
  invalidApplicant,
  type SealedApplicant,
} from '@app/applicants';
import { APP_CONFIG, type AppConfig, actsFor, tokenSecret } from '@app/platform';
import { ReferenceDataService } from '@app/reference-data';
import { mayRead, unitToActFor } from '../dossiers/dossier-access';
import type { DossierAction } from '../dossiers/dossier-actions';
import { DOSSIER_FOLD } from '../dossiers/dossier-stream';
import { type DossierView, dossierView } from '../dossiers/dossier-view';
import { notYourUnit, procedureNotFound, unitNotFound } from '../dossiers/intake-errors';
import type { ReceiveDossierDto, RefuseReceiptDto } from '../dto/receive-dossier.dto';
import { dueDateRulesOf } from './due-date-rules';
import { ReceiptCodes } from './receipt-code';
import { type RequestContext, actorMetadata, businessTime, idFromKey, requestOptions } from './request-context';

/** What a command answers: the new state as the counter sees it, and whether it was a repeat. */
export interface Outcome<V> {
  view: V;
  replayed: boolean;
}

export interface ReceiptRefusalView {
  id: string;
  procedureCode: string;
  receivingUnitId: string;
  channel: string;
  reason: string;
  refusedAt: string;
}

/**
 * The counters' commands, for HTTP and the scenario alike. Each gathers what the decision needs first — the
 * caller's rights, the unit, procedure and calendar in force, a receipt's code — then hands one pure decision to
 * handleCommand (load, decide, append with the expected version, retry, idempotency).
 */
@Injectable()
export class DossierCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reference: ReferenceDataService,
    private readonly codes: ReceiptCodes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly applicants: ApplicantVault,
  ) {
    this.fingerprintKey = createHash('sha256')
      .update(`request-fingerprint\u0000${tokenSecret(config)}`)
      .digest();
  }

  /** The key of the requests' fingerprints in the log (from the token secret: the same in every process). */
  private readonly fingerprintKey: Buffer;

  /** Receipt (Giấy tiếp nhận, Mẫu 01): unit and procedure in force, the code, then a new stream. */
  async receive(body: ReceiveDossierDto, context: RequestContext): Promise<Outcome<DossierView>> {
    const receivedAt = businessTime('receivedAt', body.receivedAt);
    const day = localDateOf(receivedAt);
    const snapshot = await this.reference.snapshot();
    const unit = snapshot.units.unitAt(body.receivingUnitId, day);
    if (!unit) throw unitNotFound('receivingUnitId', body.receivingUnitId);
    if (body.competentUnitId && !snapshot.units.unitAt(body.competentUnitId, day))
      throw unitNotFound('competentUnitId', body.competentUnitId);
    if (!actsFor(context.principal, unit.id)) throw notYourUnit(unit.id);
    const procedure = snapshot.procedures.procedureAt(body.procedureCode, day);
    if (!procedure) throw procedureNotFound(body.procedureCode);

    const dossierId = idFromKey(context, 'dossier') ?? randomUUID();
    const streamId = dossierStreamId(dossierId);
    const code = await this.codes.codeFor(unit, receivedAt, dossierId, streamId);
    const applicant =
      body.applicant && !('repeat' in code) ? await this.sealApplicant(body.applicant, unit.id, dossierId) : undefined;
    const handled = await handleCommand(
      this.store,
      streamId,
      DOSSIER_FOLD,
      (state) => {
        // a repeat of a recorded receipt is answered from the log before anything is decided
        if ('repeat' in code) throw new DossierRejected(dossierError('DOSSIER_ALREADY_EXISTS'));
        const command: DossierCommand = {
          type: 'ReceiveDossier',
          at: receivedAt,
          dossierId,
          code: code.code,
          procedure,
          receivingUnitId: unit.id,
          competentUnitId: body.competentUnitId,
          channel: body.channel,
          applicantReference: body.applicantReference,
          applicant,
        };
        return this.decided(state, command, snapshot.calendar);
      },
      {
        newStream: !('repeat' in code),
        ...requestOptions(context, this.fingerprintKey),
        metadata: () => actorMetadata(context, unit.id),
        // a repeated key answers with the first receipt only to whom may see it
        authorize: (state, version) => {
          if (version > 0 && !mayRead(context.principal, state)) throw new IdempotencyKeyReusedError();
        },
      },
    );
    return this.dossierOutcome(dossierId, handled, context);
  }

  /** Every lifecycle command after receipt (one row of DOSSIER_ACTIONS each), for the units the caller acts for. */
  async act(
    dossierId: string,
    action: DossierAction<never>,
    body: { at?: string },
    context: RequestContext,
  ): Promise<Outcome<DossierView>> {
    const at = businessTime('at', body.at);
    const day = localDateOf(at);
    const snapshot = await this.reference.snapshot();
    const corrected = (body as { changes?: { applicant?: ApplicantDto } }).changes?.applicant;
    if (corrected !== undefined) body = await this.withSealedApplicant(dossierId, body, corrected, context);
    const handled = await handleCommand(
      this.store,
      dossierStreamId(dossierId),
      DOSSIER_FOLD,
      (state) => {
        const receivedOn =
          state.status === 'none' || state.status === 'refused_at_receipt'
            ? day
            : localDateOf(state.dossier.receivedAt);
        const command = action.build(body as never, at, {
          procedureAt: (code) =>
            snapshot.procedures.procedureAt(code, receivedOn) ?? throwError(procedureNotFound(code)),
          unitExists: (id, field) => void (snapshot.units.unitAt(id, day) ?? throwError(unitNotFound(field, id))),
        });
        return this.decided(state, command, snapshot.calendar);
      },
      {
        ...requestOptions(context, this.fingerprintKey),
        metadata: (state) => actorMetadata(context, unitToActFor(context.principal, state, dossierId)),
        authorize: (state) => void unitToActFor(context.principal, state, dossierId),
      },
    );
    return this.dossierOutcome(dossierId, handled, context);
  }

  /** The applicant's details checked (each problem names its field), normalised, then sealed with their key. */
  private async sealApplicant(
    given: NonNullable<ReceiveDossierDto['applicant']>,
    unitId: string,
    dossierId: string,
  ): Promise<SealedApplicant> {
    const details = normaliseApplicant(given);
    const problems = applicantProblems(details, localDateOf(new Date()));
    if (problems.length > 0) throw invalidApplicant(problems);
    return this.applicants.seal(details, unitId, dossierId);
  }

  /** A correction of the applicant: checked like at receipt, sealed with the applicant's own key. */
  private async withSealedApplicant<B extends { at?: string }>(
    dossierId: string,
    body: B,
    given: ApplicantDto,
    context: RequestContext,
  ): Promise<B> {
    const state = (await this.store.readStream(dossierStreamId(dossierId))).reduce(
      DOSSIER_FOLD.evolve,
      DOSSIER_FOLD.initialState,
    );
    const unit = unitToActFor(context.principal, state, dossierId);
    const details = normaliseApplicant(given);
    const problems = applicantProblems(details, localDateOf(new Date()), 'changes.applicant');
    if (problems.length > 0) throw invalidApplicant(problems);
    if (state.status === 'none' || state.status === 'refused_at_receipt') return body;
    const current = state.dossier.applicant;
    const sealed = current
      ? await this.applicants.reseal(current.applicantId, details, unit, dossierId)
      : await this.applicants.seal(details, unit, dossierId);
    if (!sealed) throw applicantErased();
    const changes = (body as unknown as { changes: object }).changes;
    return { ...body, changes: { ...changes, applicant: sealed } };
  }

  /** Refusal at receipt (Mẫu 03): its own stream, never counted as received. */
  async refuseReceipt(body: RefuseReceiptDto, context: RequestContext): Promise<Outcome<ReceiptRefusalView>> {
    const at = businessTime('refusedAt', body.refusedAt);
    const day = localDateOf(at);
    const snapshot = await this.reference.snapshot();
    if (!snapshot.units.unitAt(body.receivingUnitId, day)) throw unitNotFound('receivingUnitId', body.receivingUnitId);
    if (!actsFor(context.principal, body.receivingUnitId)) throw notYourUnit(body.receivingUnitId);
    if (!snapshot.procedures.procedureAt(body.procedureCode, day)) throw procedureNotFound(body.procedureCode);
    const refusalId = idFromKey(context, 'refusal') ?? randomUUID();
    const command: DossierCommand = {
      type: 'RefuseReceipt',
      at,
      refusalId,
      procedureCode: body.procedureCode,
      receivingUnitId: body.receivingUnitId,
      channel: body.channel,
      reason: body.reason,
    };
    const handled = await handleCommand(
      this.store,
      receiptRefusalStreamId(refusalId),
      DOSSIER_FOLD,
      (state) => this.decided(state, command, snapshot.calendar),
      {
        newStream: true,
        ...requestOptions(context, this.fingerprintKey),
        metadata: () => actorMetadata(context, body.receivingUnitId),
      },
    );
    const data = (handled.events[0]?.data ?? {}) as Record<string, string>;
    return {
      view: {
        id: refusalId,
        procedureCode: data.procedureCode ?? '',
        receivingUnitId: data.receivingUnitId ?? '',
        channel: data.channel ?? '',
        reason: data.reason ?? '',
        refusedAt: data.occurredAt ?? at,
      },
      replayed: handled.replayed,
    };
  }

  /** The decider, with the calendar in force and the configured cut-off; a rejection is thrown (DossierRejected). */
  private decided(state: DossierState, command: DossierCommand, calendar: DeciderContext['calendar']): DecidedEvent[] {
    const events = decideOrThrow(state, command, { calendar, dueDateRules: dueDateRulesOf(this.config) });
    return events.map((e) => ({ type: e.type, schemaVersion: e.schemaVersion, data: { ...e.data } }));
  }

  private dossierOutcome(
    dossierId: string,
    handled: Handled<DossierState>,
    context: RequestContext,
  ): Outcome<DossierView> {
    const view = dossierView(dossierId, handled.state, handled.version, context.principal) as DossierView;
    return { view, replayed: handled.replayed };
  }
}

function throwError(error: Error): never {
  throw error;
}
