import { createFakeKurrentClient } from '../testing/fake-kurrent-client';
import { runEventStoreContract } from '../testing/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// The adapter's own logic (mapping, chain in metadata, idempotency markers, paging, subscriptions) against an
// in-memory stand-in of the client. The real server runs the same suite in kurrentdb.contract.int.spec.ts.
runEventStoreContract(
  'KurrentDB adapter on an in-memory client',
  async () => new KurrentDbEventStore(createFakeKurrentClient(), { pollIntervalMs: 100 }),
);
