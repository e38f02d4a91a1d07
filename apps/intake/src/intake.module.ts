import { Module } from '@nestjs/common';
import { DossierCommands } from './commands/dossier-commands';
import { ReceiptCodes } from './commands/receipt-code';
import { DossierActionsController } from './http/dossier-actions.controller';
import { DossierLifecycleController } from './http/dossier-lifecycle.controller';
import { DossiersController } from './http/dossiers.controller';
import { DueDatePreviewController } from './http/due-date-preview.controller';
import { ReceiptRefusalsController } from './http/receipt-refusals.controller';
import { ReferenceDataController } from './http/reference-data.controller';
import { ReferenceEntriesController } from './http/reference-entries.controller';
import { ReferenceHistoryController } from './http/reference-history.controller';
import { LiveController } from './live/live.controller';
import { LiveHub } from './live/live-hub.service';
import { DossierCodeAllocator } from './persistence/dossier-code.allocator';
import { DossierQueries } from './queries/dossier-queries';
import { DueDatePreviews } from './reference/due-date-preview';

/**
 * The counters' command API: HTTP → DossierCommands (rights, reference data, code) → handleCommand (load, decide,
 * append with the expected version, retries, idempotency) → the new state. Needs EVENT_STORE and
 * ReferenceDataService from the composition. DossierCommands is exported: the scenario drives the same commands.
 */
@Module({
  controllers: [
    DossiersController,
    DossierLifecycleController,
    DossierActionsController,
    ReceiptRefusalsController,
    ReferenceDataController,
    ReferenceEntriesController,
    ReferenceHistoryController,
    DueDatePreviewController,
    LiveController,
  ],
  providers: [DossierCommands, DossierQueries, DueDatePreviews, ReceiptCodes, DossierCodeAllocator, LiveHub],
  exports: [DossierCommands],
})
export class IntakeModule {}
