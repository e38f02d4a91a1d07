import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActOnDossierHandler } from './commands/act-on-dossier.handler';
import { ReceiveDossierHandler } from './commands/receive-dossier.handler';
import { RefuseReceiptHandler } from './commands/refuse-receipt.handler';
import { DossierRepository } from './dossiers/dossier-repository';
import { DossierLifecycleController } from './http/dossier-lifecycle.controller';
import { DossiersController } from './http/dossiers.controller';
import { ReceiptRefusalsController } from './http/receipt-refusals.controller';
import { ReferenceDataController } from './http/reference-data.controller';
import { DossierCodeAllocator } from './persistence/dossier-code.allocator';
import { FindDossierByCodeHandler, GetDossierHandler } from './queries/dossier.queries';

/**
 * The counters' command API: HTTP → command → the dossier's stream → decide → append (expected version,
 * bounded retries, idempotency) → the new state. Needs EVENT_STORE and ReferenceDataService from the composition.
 */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [DossiersController, DossierLifecycleController, ReceiptRefusalsController, ReferenceDataController],
  providers: [
    DossierRepository,
    DossierCodeAllocator,
    ReceiveDossierHandler,
    ActOnDossierHandler,
    RefuseReceiptHandler,
    GetDossierHandler,
    FindDossierByCodeHandler,
  ],
  exports: [DossierRepository],
})
export class IntakeModule {}
