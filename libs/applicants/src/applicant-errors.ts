/** A refusal of the applicants lib: a code, a kind (the HTTP answer), a sentence without personal data. */
export class ApplicantError extends Error {
  constructor(
    readonly code: string,
    readonly kind: 'invalid' | 'not_found' | 'conflict',
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

export const identityOfAnother = (): ApplicantError =>
  new ApplicantError(
    'IDENTITY_OF_ANOTHER_APPLICANT',
    'conflict',
    'Giấy tờ tùy thân này đã thuộc về một người nộp hồ sơ khác; không thể điều chỉnh thành giấy tờ này.',
  );

export const applicantErased = (): ApplicantError =>
  new ApplicantError(
    'APPLICANT_DATA_ERASED',
    'conflict',
    'Dữ liệu của người nộp hồ sơ này đã được xoá theo yêu cầu; không thể điều chỉnh.',
  );
