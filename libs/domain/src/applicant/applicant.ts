import type { LocalDate } from '../time/local-date';

/** Who filed a dossier: a citizen (công dân) or an organisation (tổ chức, doanh nghiệp). */
export type ApplicantKind = 'citizen' | 'organisation';

/** The kinds of identity document: CCCD (citizen ID card, 12 digits), CMND (old ID card, 9 or 12), passport, tax code. */
export type IdDocumentKind = 'cccd' | 'cmnd' | 'passport' | 'tax_code';

export interface PostalAddress {
  province: string;
  /** District and commune (quận/huyện, phường/xã), as written. */
  locality: string;
  street: string;
}

/**
 * The applicant's personal data as given at the counter (the slip, Mẫu 01 of Circular 01/2018/TT-VPCP). It never
 * enters the log in clear: the log holds it encrypted with the applicant's own data key (see libs/applicants).
 */
export interface ApplicantDetails {
  kind: ApplicantKind;
  fullName: string;
  idDocument: { kind: IdDocumentKind; number: string };
  dateOfBirth?: LocalDate;
  phone?: string;
  email?: string;
  address?: PostalAddress;
  /** The result is returned by public postal service, to this address. */
  returnByPost?: { deliveryAddress: PostalAddress };
}

/** What every screen, list, export and form shows in place of personal data once it was erased. */
export const ERASED_MARKER = '[đã xoá theo yêu cầu]';

/**
 * An applicant's details as the log holds them: sealed (AES-256-GCM) with the applicant's own data key, which lives
 * outside the log. The domain only carries it; libs/applicants seals and opens it.
 */
export interface SealedApplicantData {
  applicantId: string;
  /** The data key's id (one key per applicant: the applicant's id). */
  keyId: string;
  alg: 'A256GCM';
  /** base64url of IV ‖ ciphertext ‖ tag. */
  ciphertext: string;
}
