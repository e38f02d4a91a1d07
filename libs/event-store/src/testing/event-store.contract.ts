import type { EventStore } from '../event-store.port';
import { appendContract } from './contract/append.contract';
import { createContext } from './contract/context';
import { idempotencyContract } from './contract/idempotency.contract';
import { integrityContract } from './contract/integrity.contract';
import { multiStreamContract } from './contract/multi-stream.contract';
import { readsContract } from './contract/reads.contract';
import { subscriptionsContract } from './contract/subscriptions.contract';

/**
 * The behaviour every EventStore adapter must have. Call it from an adapter's spec with a factory that returns a
 * ready store on an empty (or shared: stream ids are unique per run) log; the suite closes it at the end.
 */
export function runEventStoreContract(name: string, factory: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore | undefined;
    const ctx = createContext(() => {
      if (!store) throw new Error('store not created');
      return store;
    });

    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store?.close();
    });

    appendContract(ctx);
    idempotencyContract(ctx);
    multiStreamContract(ctx);
    readsContract(ctx);
    subscriptionsContract(ctx);
    integrityContract(ctx);
  });
}
