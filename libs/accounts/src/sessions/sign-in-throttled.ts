import type { EventStore } from '@app/event-store';
import { createHash } from 'node:crypto';

/** The stream of an address's throttled sign-ins (its id hashes the address; the events hold it). */
export const addressStreamId = (address: string): string =>
  `sign-in-address-${createHash('sha256').update(address).digest('hex').slice(0, 32)}`;

/** Records that an address was refused sign-in for a while: auditors see password spraying. */
export async function recordAddressThrottled(
  store: EventStore,
  address: string,
  failures: number,
  until: Date,
): Promise<void> {
  const occurredAt = new Date().toISOString();
  await store.append(addressStreamId(address), [
    {
      type: 'SignInThrottled',
      schemaVersion: 1,
      data: { address, failures, until: until.toISOString(), occurredAt },
      metadata: { actor: 'system', actorName: 'Hệ thống' },
    },
  ]);
}
