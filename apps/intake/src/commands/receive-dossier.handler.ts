import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { formatDossierCode, localDateOf } from '@app/domain';
import { actsFor } from '@app/platform';
import { ReferenceDataService } from '@app/reference-data';
import { DossierCodeAllocator } from '../persistence/dossier-code.allocator';
import { DossierRepository } from '../dossiers/dossier-repository';
import { dossierStreamId } from '../dossiers/dossier-stream';
import { type DossierView, dossierView } from '../dossiers/dossier-view';
import { notYourUnit, procedureNotFound, rejected, unitNotFound } from '../dossiers/intake-errors';
import type { ReceiveDossierDto } from '../dto/receive-dossier.dto';
import { type RequestContext, businessTime, eventMetadata, idFromKey, storeKey } from './request-context';

export class ReceiveDossierCommand extends Command<{ view: DossierView; replayed: boolean }> {
  constructor(
    readonly body: ReceiveDossierDto,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Receipt (Giấy tiếp nhận, Mẫu 01): resolves unit and procedure in force, issues the code, appends. */
@CommandHandler(ReceiveDossierCommand)
export class ReceiveDossierHandler implements ICommandHandler<ReceiveDossierCommand> {
  constructor(
    private readonly repository: DossierRepository,
    private readonly reference: ReferenceDataService,
    private readonly codes: DossierCodeAllocator,
  ) {}

  async execute({ body, context }: ReceiveDossierCommand): Promise<{ view: DossierView; replayed: boolean }> {
    const receivedAt = businessTime('receivedAt', body.receivedAt);
    const day = localDateOf(receivedAt);
    const { units, procedures } = await this.reference.snapshot();
    const unit = units.unitAt(body.receivingUnitId, day);
    if (!unit) throw unitNotFound('receivingUnitId', body.receivingUnitId);
    if (body.competentUnitId && !units.unitAt(body.competentUnitId, day)) throw unitNotFound('competentUnitId', body.competentUnitId);
    if (!actsFor(context.principal, unit.id)) throw notYourUnit(unit.id);
    const procedure = procedures.procedureAt(body.procedureCode, day);
    if (!procedure) throw procedureNotFound(body.procedureCode);

    const dossierId = idFromKey(context, 'dossier') ?? randomUUID();
    const executed = await this.repository.start(
      dossierStreamId(dossierId),
      async (loaded) => {
        if (loaded.version > 0) throw rejected({ code: 'DOSSIER_ALREADY_EXISTS', message: 'Hồ sơ này đã được tiếp nhận.' });
        // Issued and recorded before the append, whose durable commit then covers it (see DossierCodeAllocator).
        const code = formatDossierCode(unit.code, receivedAt, await this.codes.issueSequence(unit.code, day, dossierId));
        return {
          type: 'ReceiveDossier',
          at: receivedAt,
          dossierId,
          code,
          procedure,
          receivingUnitId: unit.id,
          competentUnitId: body.competentUnitId,
          channel: body.channel,
          applicantReference: body.applicantReference,
        };
      },
      { idempotencyKey: storeKey(context), metadata: eventMetadata(context, unit.id) },
    );
    return { view: dossierView(dossierId, executed.state, executed.version) as DossierView, replayed: executed.replayed };
  }
}
