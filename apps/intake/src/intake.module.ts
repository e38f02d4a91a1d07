import { Module } from '@nestjs/common';
import { DossierCommands } from './commands/dossier-commands';
import { ReceiptCodes } from './commands/receipt-code';
import { DossierLifecycleController } from './http/dossier-lifecycle.controller';
import { DossiersController } from './http/dossiers.controller';
import { ReceiptRefusalsController } from './http/receipt-refusals.controller';
import { ReferenceDataController } from './http/reference-data.controller';
import { LiveController } from './live/live.controller';
import { LiveHub } from './live/live-hub.service';
import { DossierCodeAllocator } from './persistence/dossier-code.allocator';
import { DossierQueries } from './queries/dossier-queries';

/**
 * The counters' command API: HTTP → DossierCommands (rights, reference data, code) → handleCommand (load, decide,
 * append with the expected version, retries, idempotency) → the new state. Needs EVENT_STORE and
 * ReferenceDataService from the composition. DossierCommands is exported: the scenario drives the same commands.
 */
@Module({
  controllers: [
    DossiersController,
    DossierLifecycleController,
    ReceiptRefusalsController,
    ReferenceDataController,
    LiveController,
  ],
  providers: [DossierCommands, DossierQueries, ReceiptCodes, DossierCodeAllocator, LiveHub],
  exports: [DossierCommands],
})
export class IntakeModule {}
