import type { ApplicantDetails, SealedApplicantData } from '@app/domain';
import { open, seal } from './aead';

/**
 * An applicant's details as the log holds them: AES-256-GCM with the applicant's data key, bound to the applicant's
 * id. The hash chain covers these bytes, so erasing the key changes nothing the chain checks.
 */
export type SealedApplicant = SealedApplicantData;

export function sealApplicant(applicantId: string, dataKey: Buffer, details: ApplicantDetails): SealedApplicant {
  const plaintext = Buffer.from(JSON.stringify(details), 'utf8');
  return {
    applicantId,
    keyId: applicantId,
    alg: 'A256GCM',
    ciphertext: seal(dataKey, plaintext, `applicant:${applicantId}`).toString('base64url'),
  };
}

export function openApplicant(sealed: SealedApplicant, dataKey: Buffer): ApplicantDetails {
  const plaintext = open(dataKey, Buffer.from(sealed.ciphertext, 'base64url'), `applicant:${sealed.applicantId}`);
  return JSON.parse(plaintext.toString('utf8')) as ApplicantDetails;
}
