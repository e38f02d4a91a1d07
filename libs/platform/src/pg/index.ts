// Plain Node/pg helpers: no Nest import here (libs that must stay light, like the event store's worker threads,
// import them as `@app/platform/pg`).
export { inTransaction, type TransactionOptions } from './transaction';
export { SessionLock } from './session-lock';
