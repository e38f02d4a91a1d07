// The intake's public surface, for the composition (apps/standalone) and the scenario (scripts/scenario).
export { IntakeModule } from './intake.module';
export { DossierCommands, type Outcome, type ReceiptRefusalView } from './commands/dossier-commands';
export { type RequestContext, idFromKey } from './commands/request-context';
export { DOSSIER_ACTIONS, type DossierAction, type DossierActionName } from './dossiers/dossier-actions';
export { type DossierView } from './dossiers/dossier-view';
export { INTAKE_MIGRATIONS } from './persistence/intake.migrations';
export { LiveHub } from './live/live-hub.service';
