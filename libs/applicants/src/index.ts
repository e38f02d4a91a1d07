/** libs/applicants — applicants' personal data: sealed per applicant, blind index, erasure, access log. */
export { ApplicantsModule } from './applicants.module';
export { applicantStreamId, type Erasure, type Reader, ApplicantVault } from './applicant-vault';
export { applicantErased, ApplicantError, invalidApplicant } from './applicant-errors';
export { APPLICANT_MIGRATIONS } from './schema/applicant-migrations';
export { BlindIndex } from './crypto/blind-index';
export { FileMasterKeys } from './crypto/file-master-keys';
export type { MasterKeyProvider } from './crypto/master-key-provider';
export { openApplicant, type SealedApplicant, sealApplicant } from './crypto/sealed-applicant';
export { ApplicantDto, PostalAddressDto } from './http/applicants.dto';
export { searchForm } from './persistence/applicant-index';
