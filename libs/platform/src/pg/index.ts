// Plain Node/pg helpers: no Nest import here (libs that must stay light, like the event store's worker threads,
// import them as `@app/platform/pg`). The Nest shell is the rest of `@app/platform`.
export { BinaryCopyError, BinaryRow, readBinaryCopy } from './binary-copy';
export { Batcher, type BatcherOptions, retryablePostgresError } from './batcher';
export { type Migration, MIGRATIONS_LOCK, pendingMigrations, runMigrations } from './migrations';
export { Pause, sleep } from './pause';
export { SessionLock } from './session-lock';
export { inTransaction, type TransactionOptions } from './transaction';
export { TS_WORKER_PRELUDE, startWorkerThread } from './worker-thread';
