import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { dossierStreamId, localDateOf } from '@app/domain';
import { ReferenceDataService } from '@app/reference-data';
import type { DossierAction } from '../dossiers/dossier-actions';
import { DossierRepository } from '../dossiers/dossier-repository';
import { type DossierView, dossierView } from '../dossiers/dossier-view';
import { unitToActFor } from '../dossiers/dossier-access';
import { dossierNotFound, procedureNotFound, unitNotFound } from '../dossiers/intake-errors';
import { type RequestContext, businessTime, eventMetadata, storeKey } from './request-context';

export class ActOnDossierCommand extends Command<{ view: DossierView; replayed: boolean }> {
  constructor(
    readonly dossierId: string,
    readonly action: DossierAction<never>,
    readonly body: { at?: string },
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Every lifecycle command after receipt: authorise for the dossier's units, decide, append (with retries). */
@CommandHandler(ActOnDossierCommand)
export class ActOnDossierHandler implements ICommandHandler<ActOnDossierCommand> {
  constructor(
    private readonly repository: DossierRepository,
    private readonly reference: ReferenceDataService,
  ) {}

  async execute({ dossierId, action, body, context }: ActOnDossierCommand): Promise<{ view: DossierView; replayed: boolean }> {
    const at = businessTime('at', body.at);
    const { units, procedures } = await this.reference.snapshot();
    const day = localDateOf(at);
    const metadata = eventMetadata(context, '');
    const executed = await this.repository.execute(
      dossierStreamId(dossierId),
      (loaded) => {
        if (loaded.state.status === 'none' || loaded.state.status === 'refused_at_receipt') throw dossierNotFound(dossierId);
        const d = loaded.state.dossier;
        return action.build(body as never, at, {
          procedureAt: (code) => procedures.procedureAt(code, localDateOf(d.receivedAt)) ?? throwError(procedureNotFound(code)),
          unitExists: (id, field) => void (units.unitAt(id, day) ?? throwError(unitNotFound(field, id))),
        });
      },
      {
        ifMatch: context.ifMatch,
        idempotencyKey: storeKey(context),
        metadata,
        authorize: (loaded) => {
          metadata.unit = unitToActFor(context.principal, loaded.state, dossierId);
        },
      },
    );
    const view = dossierView(dossierId, executed.state, executed.version) as DossierView;
    return { view, replayed: executed.replayed };
  }
}

function throwError(error: Error): never {
  throw error;
}
