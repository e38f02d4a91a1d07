import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '../../event-store.port';

/** What every part of the contract suite gets: the store under test and unique names. */
export interface ContractContext {
  store(): EventStore;
  /** A stream id unique to this run (servers may be shared: KurrentDB). */
  stream(name: string): string;
  /** Prefix of every stream id of this run, to pick this run's events out of a shared global log. */
  readonly prefix: string;
}

export function createContext(getStore: () => EventStore): ContractContext {
  const prefix = `ct${randomUUID().slice(0, 8)}-`;
  let counter = 0;
  return {
    store: getStore,
    stream: (name) => `${prefix}${name}-${(counter += 1)}`,
    prefix,
  };
}

export function newEvent(type: string, extra: Record<string, unknown> = {}): NewEvent {
  return {
    type,
    schemaVersion: 1,
    data: { occurredAt: new Date().toISOString(), ...extra },
    metadata: { actor: 'clerk-1', unit: 'unit-7', correlationId: randomUUID() },
  };
}

export function events(count: number, type = 'Noted'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { n: i + 1 }));
}

/** The parts of a recorded event that must be the same however it was obtained (append result or read). */
export function identity(event: RecordedEvent): Record<string, unknown> {
  return {
    globalPosition: event.globalPosition,
    streamId: event.streamId,
    streamPosition: event.streamPosition,
    type: event.type,
    transactionId: event.transactionId,
    hash: event.hash,
    prevHash: event.prevHash,
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
