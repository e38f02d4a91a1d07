import type { KurrentDBClient } from '@kurrent/kurrentdb-client';

/** The part of the KurrentDB client the adapter uses (a fake can stand in for it in tests). */
export type KurrentClient = Pick<
  KurrentDBClient,
  'appendToStream' | 'multiStreamAppend' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

/** Streams the adapter keeps for itself; they never show in readAll, subscriptions, verify or seals. */
export const INTERNAL_PREFIX = '_es-';
export const SEALS_STREAM = `${INTERNAL_PREFIX}seals`;

export function isInternalStream(streamId: string): boolean {
  return streamId.startsWith(INTERNAL_PREFIX) || streamId.startsWith('$');
}
