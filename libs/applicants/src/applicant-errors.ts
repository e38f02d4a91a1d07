/** A refusal of the applicants lib: a code, a kind (the HTTP answer), a sentence without personal data. */
export class ApplicantError extends Error {
  constructor(
    readonly code: string,
    readonly kind: 'invalid' | 'not_found',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const applicantNotFound = (applicantId: string): ApplicantError =>
  new ApplicantError('APPLICANT_NOT_FOUND', 'not_found', `Không có người nộp hồ sơ ${applicantId}.`);

export const invalidApplicant = (errors: { field: string; rule: string; message: string }[]): ApplicantError =>
  new ApplicantError('VALIDATION_FAILED', 'invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
