/** Test helpers (jest): import from '@app/domain/testing', never from production code. */
export { DeciderSpecification, type DeciderSpec, type WhenClause, type ThenClause } from './decider-specification';
export {
  at,
  BUSINESS_REGISTRATION,
  context,
  COPY_CERTIFICATION,
  dossierSpec,
  DUE_DATE,
  HISTORIES,
  history,
  JUDICIAL_RECORD,
  OTHER_UNIT,
  receive,
  RECEIVED_AT,
  STATUSES,
  UNIT,
  UNIT_CODE,
} from './dossier-fixtures';
export { Random, apportion } from './seeded-random';
export {
  type DossierScript,
  dossierScriptArb,
  type Intent,
  intentArb,
  periodArb,
  runScript,
  type ScriptRun,
} from './dossier-generators';
