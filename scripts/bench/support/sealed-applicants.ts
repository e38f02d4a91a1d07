import { createHash, randomBytes } from 'node:crypto';
import type { LogDay } from '@app/read-models/testing';
import { syntheticApplicant } from '../../scenario/synthetic-applicant';

/**
 * The bench log with applicants, as receipts carry them: each DossierReceived gets a sealed applicant of the size
 * the real sealing gives (the synthetic applicant's JSON, AES-256-GCM: IV and tag added, base64url). The bytes are
 * random — the rebuild and the replay never open them, they only carry them.
 */
export function* withSealedApplicants(days: Iterable<LogDay>): Generator<LogDay> {
  let n = 0;
  for (const day of days) {
    for (const stream of day.streams)
      for (const event of stream.events) {
        if (event.type !== 'DossierReceived') continue;
        const details = syntheticApplicant(`bench-log:${n++}`);
        const applicantId = uuidOf(details.idDocument.number);
        const size = Buffer.byteLength(JSON.stringify(details)) + 28;
        (event.data as { applicant?: unknown }).applicant = {
          applicantId,
          keyId: applicantId,
          alg: 'A256GCM',
          ciphertext: randomBytes(size).toString('base64url'),
        };
      }
    yield day;
  }
}

const uuidOf = (value: string): string => {
  const hex = createHash('sha256').update(value).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
