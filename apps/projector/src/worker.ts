import { createEventStore } from '@app/event-store';
import { loadConfig, openDatabase, runMigrations } from '@app/platform';
import { Projector } from '@app/read-models';
import { PROJECTOR_MIGRATIONS } from './projector-app.module';

/**
 * The projector as a bare worker (no HTTP, no Nest): `node scripts/run.cjs apps/projector/src/worker.ts`.
 * Prints one `projected <events> <transactionId>:<globalPosition>` line per batch; SIGINT/SIGTERM stop it cleanly
 * (the crash test SIGKILLs it instead). PROJECTOR_BATCH_SIZE (the one config) sets the page size.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  await runMigrations(database.pool, PROJECTOR_MIGRATIONS);
  const store = await createEventStore({ kind: 'postgres', pool: database.pool, migrate: false });
  const projector = new Projector({
    pool: database.pool,
    store,
    batchSize: config.projectorBatchSize,
    log: (level, message) => console[level === 'log' ? 'log' : level](message),
  });
  let total = 0;
  const report = setInterval(() => {
    const { eventsProjected, checkpoint } = projector.status();
    if (eventsProjected !== total && checkpoint)
      console.log(`projected ${eventsProjected} ${checkpoint.transactionId}:${checkpoint.globalPosition}`);
    total = eventsProjected;
  }, 200);
  const stop = async (): Promise<void> => {
    clearInterval(report);
    await projector.stop();
    await store.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  projector.start();
  console.log('projector started');
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
