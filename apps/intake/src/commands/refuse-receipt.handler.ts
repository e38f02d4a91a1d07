import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { localDateOf, receiptRefusalStreamId } from '@app/domain';
import { actsFor } from '@app/platform';
import { ReferenceDataService } from '@app/reference-data';
import { DossierRepository } from '../dossiers/dossier-repository';
import { notYourUnit, procedureNotFound, unitNotFound } from '../dossiers/intake-errors';
import type { RefuseReceiptDto } from '../dto/receive-dossier.dto';
import { type RequestContext, businessTime, eventMetadata, idFromKey, storeKey } from './request-context';

export interface ReceiptRefusalView {
  id: string;
  procedureCode: string;
  receivingUnitId: string;
  channel: string;
  reason: string;
  refusedAt: string;
}

export class RefuseReceiptCommand extends Command<{ view: ReceiptRefusalView; replayed: boolean }> {
  constructor(
    readonly body: RefuseReceiptDto,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Refusal at receipt (Mẫu 03): recorded in its own stream, never counted as received. */
@CommandHandler(RefuseReceiptCommand)
export class RefuseReceiptHandler implements ICommandHandler<RefuseReceiptCommand> {
  constructor(
    private readonly repository: DossierRepository,
    private readonly reference: ReferenceDataService,
  ) {}

  async execute({ body, context }: RefuseReceiptCommand): Promise<{ view: ReceiptRefusalView; replayed: boolean }> {
    const at = businessTime('refusedAt', body.refusedAt);
    const day = localDateOf(at);
    const { units, procedures } = await this.reference.snapshot();
    if (!units.unitAt(body.receivingUnitId, day)) throw unitNotFound('receivingUnitId', body.receivingUnitId);
    if (!actsFor(context.principal, body.receivingUnitId)) throw notYourUnit(body.receivingUnitId);
    if (!procedures.procedureAt(body.procedureCode, day)) throw procedureNotFound(body.procedureCode);
    const refusalId = idFromKey(context, 'refusal') ?? randomUUID();
    const executed = await this.repository.start(
      receiptRefusalStreamId(refusalId),
      () => ({ type: 'RefuseReceipt', at, refusalId, procedureCode: body.procedureCode, receivingUnitId: body.receivingUnitId, channel: body.channel, reason: body.reason }),
      { idempotencyKey: storeKey(context), metadata: eventMetadata(context, body.receivingUnitId) },
    );
    const refused = executed.events[0];
    const data = (refused?.data ?? {}) as Record<string, string>;
    return {
      view: { id: refusalId, procedureCode: data.procedureCode ?? '', receivingUnitId: data.receivingUnitId ?? '', channel: data.channel ?? '', reason: data.reason ?? '', refusedAt: data.occurredAt ?? at },
      replayed: executed.replayed,
    };
  }
}
