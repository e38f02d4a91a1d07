/** Test helpers (jest): import from '@app/domain/testing', never from production code. */
export { DeciderSpecification, type DeciderSpec, type WhenClause, type ThenClause } from './decider-specification';
export * from './dossier-fixtures';
export { Random, apportion } from './seeded-random';
