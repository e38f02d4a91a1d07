import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { type DossierCommand, MAX_DAILY_SEQUENCE, dossierError, dossierStreamId, formatDossierCode, localDateOf } from '@app/domain';
import { actsFor } from '@app/platform';
import { ReferenceDataService } from '@app/reference-data';
import { DossierCodeAllocator } from '../persistence/dossier-code.allocator';
import { mayRead } from '../dossiers/dossier-access';
import { DossierRepository, type ExecuteOptions, type Executed } from '../dossiers/dossier-repository';
import type { LoadedDossier } from '../dossiers/dossier-stream';
import { type DossierView, dossierView } from '../dossiers/dossier-view';
import { dailySequenceExhausted, idempotencyKeyReused, notYourUnit, procedureNotFound, rejected, unitNotFound } from '../dossiers/intake-errors';
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

/** The dossier holds a code of another unit or day: whether it exists decides (see the handler). */
class HeldElsewhere extends Error {}

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
    const streamId = dossierStreamId(dossierId);
    const receipt =
      (fresh: boolean) =>
      async (loaded: LoadedDossier): Promise<DossierCommand> => {
        if (loaded.version > 0) throw rejected(dossierError('DOSSIER_ALREADY_EXISTS'));
        // Issued and recorded before the append, whose durable commit then covers it (see DossierCodeAllocator);
        // a repeat gets the number it holds and takes none.
        const issued = await this.codes.issueSequence(unit.code, day, dossierId, { fresh });
        if (issued.outcome === 'held_elsewhere') throw new HeldElsewhere();
        if (issued.outcome === 'exhausted') throw dailySequenceExhausted(unit.id, day, MAX_DAILY_SEQUENCE);
        return {
          type: 'ReceiveDossier',
          at: receivedAt,
          dossierId,
          code: formatDossierCode(unit.code, receivedAt, issued.sequence),
          procedure,
          receivingUnitId: unit.id,
          competentUnitId: body.competentUnitId,
          channel: body.channel,
          applicantReference: body.applicantReference,
        };
      };
    const options: ExecuteOptions = {
      idempotencyKey: storeKey(context),
      metadata: eventMetadata(context, unit.id),
      // a repeated key answers with the first receipt only to whom may see it
      authorize: (loaded) => {
        if (loaded.version > 0 && !mayRead(context.principal, loaded.state)) throw idempotencyKeyReused();
      },
    };
    let executed: Executed;
    try {
      executed = await this.repository.start(streamId, receipt(false), options);
    } catch (error) {
      if (!(error instanceof HeldElsewhere)) throw error;
      // The dossier holds a number of another day (a repeat after midnight, or a retry of a receipt whose first
      // attempt failed): the stream tells which; only a dossier that does not exist yet takes a new number.
      executed = await this.repository.execute(streamId, receipt(true), options);
    }
    return { view: dossierView(dossierId, executed.state, executed.version) as DossierView, replayed: executed.replayed };
  }
}
