import { runEventStoreContract } from '../testing/event-store.contract';
import { createPgTestStore, type PgTestStore } from '../testing/pg-test-store';

let harness: PgTestStore | undefined;

runEventStoreContract('PostgreSQL', async () => {
  harness = await createPgTestStore({ poolSize: 20 });
  return harness.store;
});

afterAll(async () => {
  await harness?.close();
});
