import { applicantProblems, normaliseApplicant } from '@app/domain';
import { syntheticApplicant } from '../../scripts/scenario/synthetic-applicant';

describe("the scenario's synthetic applicants", () => {
  const applicants = Array.from({ length: 5000 }, (_, i) => syntheticApplicant(`hue-2020-q3:42:line:${i}`));

  it('are valid receipts as given (already normalised), Vietnamese names in NFC', () => {
    for (const applicant of applicants) {
      expect(normaliseApplicant(applicant)).toEqual(applicant);
      expect(applicantProblems(applicant, '2026-12-01')).toEqual([]);
      expect(applicant.fullName).toBe(applicant.fullName.normalize('NFC'));
    }
    expect(applicants.some((a) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(a.fullName))).toBe(
      true,
    );
  });

  it('are the same every run; some people file several dossiers; one in ten is an organisation', () => {
    expect(syntheticApplicant('hue-2020-q3:42:line:7')).toEqual(applicants[7]);
    const ids = new Set(applicants.map((a) => a.idDocument.number));
    expect(ids.size).toBeLessThan(applicants.length);
    expect(ids.size).toBeGreaterThan(applicants.length * 0.9);
    const organisations = applicants.filter((a) => a.kind === 'organisation').length / applicants.length;
    expect(organisations).toBeGreaterThan(0.07);
    expect(organisations).toBeLessThan(0.13);
  });
});
