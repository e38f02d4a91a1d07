/**
 * The event log's stream ids of the dossier decider: one stream per dossier (`dossier-<id>`) and one per receipt
 * refused at the counter (`receipt-refusal-<id>`). Everything else in the log (reference data...) is not a dossier.
 */
export const DOSSIER_STREAM_PREFIX = 'dossier-';
export const RECEIPT_REFUSAL_STREAM_PREFIX = 'receipt-refusal-';

export const dossierStreamId = (dossierId: string): string => `${DOSSIER_STREAM_PREFIX}${dossierId}`;
export const receiptRefusalStreamId = (refusalId: string): string => `${RECEIPT_REFUSAL_STREAM_PREFIX}${refusalId}`;

/** The dossier id of a dossier stream; null for any other stream. */
export function dossierIdOf(streamId: string): string | null {
  return streamId.startsWith(DOSSIER_STREAM_PREFIX) ? streamId.slice(DOSSIER_STREAM_PREFIX.length) : null;
}
