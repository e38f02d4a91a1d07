export {
  type ApplicantDetails,
  type ApplicantKind,
  ERASED_MARKER,
  type IdDocumentKind,
  type PostalAddress,
  type SealedApplicantData,
} from './applicant';
export { type ApplicantProblem, applicantProblems, normaliseApplicant, normalisePhone } from './applicant-validation';
