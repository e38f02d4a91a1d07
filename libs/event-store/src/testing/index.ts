/** Test helpers (jest): import from '@app/event-store/testing', never from production code. */
export { createPgTestStore, type PgTestStore } from './pg-test-store';
export { runEventStoreContract } from './event-store.contract';
export { createFakeKurrentClient } from './fake-kurrent-client';
export { type ContractContext, createContext, events, identity, newEvent, sleep } from './contract/context';
export { resolvesWithin } from './resolves-within';
export { SealHasher } from '../hash/seal-hash';
