/**
 * libs/domain — pure TypeScript, no framework, no I/O: time, working-day calendar, deadlines, the dossier
 * decider, reference data (units, procedures), figures and Vietnamese rendering.
 */
export * from './time/local-date';
export * from './calendar';
export * from './deadlines';
export * from './lunar';
export * from './rendering';
export * from './reference';
export * from './dossier';
export * from './figures';
