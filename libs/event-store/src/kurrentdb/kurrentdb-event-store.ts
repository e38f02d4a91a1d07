import type { EventStore } from '../event-store.port';
export class KurrentDbEventStore {
  static async connect(_url: string): Promise<EventStore> {
    throw new Error('todo');
  }
}
