import { type ApplicantDetails, applicantProblems, normaliseApplicant } from '@app/domain';
// the web bundle has no package surface; its form rules are pure TypeScript, checked here against the domain's
/* eslint-disable no-restricted-imports */
import { emptyDraft, type ReceiptDraft } from '../../apps/web/src/receipt/receipt-draft';
import { applicantOf, draftProblems } from '../../apps/web/src/receipt/receipt-rules';
/* eslint-enable no-restricted-imports */

/**
 * The receipt form's own checks mirror the server's (libs/domain applicantProblems): for the same applicant the
 * browser finds the same fields in trouble, with the same sentence where the server's is written for a clerk.
 */
const TODAY = '2026-12-02';
const valid: ReceiptDraft = {
  ...emptyDraft(),
  procedureCode: 'T-DKDN-02',
  fullName: '  Nguyễn   Thị Mai ',
  idNumber: '0461 9000 1234',
  phone: '+84 912 345 678',
  email: ' Mai.Nguyen@Example.VN ',
  address: { province: 'Thành phố Huế', locality: 'Phường Phú Hội', street: '12 Lê Lợi' },
};

const cases: [string, Partial<ReceiptDraft>][] = [
  ['a valid citizen', {}],
  ['a CCCD of 11 digits', { idNumber: '04619000123' }],
  ['a CMND of 10 digits', { idKind: 'cmnd', idNumber: '0461900012' }],
  ['a passport in lower case (upper-cased, then valid)', { idKind: 'passport', idNumber: 'b1234567' }],
  ['a passport of letters only', { idKind: 'passport', idNumber: 'ABCDEFGH' }],
  [
    'a tax code with a branch',
    { kind: 'organisation', idKind: 'tax_code', idNumber: '3300101234-001', fullName: 'Công ty TNHH Sông Hương' },
  ],
  ['an organisation with a CCCD', { kind: 'organisation', fullName: 'Hợp tác xã Thủy Biều' }],
  ['a name with digits', { fullName: 'Nguyễn Văn 2' }],
  ['a one-letter name', { fullName: 'A' }],
  ['a birth date in the future', { dateOfBirth: '2030-01-01' }],
  ['a birth date before 1900', { dateOfBirth: '1899-12-31' }],
  ['a fixed-line phone', { phone: '0234 3822 123' }],
  ['a short phone', { phone: '0123' }],
  ['an e-mail without a domain', { email: 'mai@example' }],
  [
    'a delivery address without its street',
    { returnByPost: true, delivery: { province: 'Huế', locality: 'Phú Hội', street: ' ' } },
  ],
  ['an address without its province', { address: { province: '', locality: 'Phú Hội', street: '12 Lê Lợi' } }],
];

describe('the receipt form’s checks mirror the server’s', () => {
  it.each(cases)('%s', (_name, change) => {
    const draft = { ...valid, ...change };
    const server = applicantProblems(normaliseApplicant(applicantOf(draft) as ApplicantDetails), TODAY);
    const browser = draftProblems(draft, TODAY);
    expect(Object.keys(browser).sort()).toEqual([...new Set(server.map((p) => p.field))].sort());
    for (const problem of server)
      if (!/dateOfBirth|address/i.test(problem.field)) expect(browser[problem.field]).toBe(problem.message);
  });

  it('sends what the server stores: canonical forms, empty optional fields left out', () => {
    const applicant = applicantOf(valid);
    expect(applicant).toEqual(normaliseApplicant(applicant as ApplicantDetails));
    expect(applicant).toEqual({
      kind: 'citizen',
      fullName: 'Nguyễn Thị Mai',
      idDocument: { kind: 'cccd', number: '046190001234' },
      phone: '0912345678',
      email: 'mai.nguyen@example.vn',
      address: { province: 'Thành phố Huế', locality: 'Phường Phú Hội', street: '12 Lê Lợi' },
    });
  });

  it('asks more than the API where the desk needs it: a procedure, the applicant’s name and document', () => {
    expect(draftProblems(emptyDraft(), TODAY)).toEqual({
      procedureCode: 'Chọn thủ tục hành chính của hồ sơ.',
      'applicant.fullName': 'Nhập họ và tên người nộp.',
      'applicant.idDocument.number': 'Nhập số giấy tờ.',
    });
  });
});
