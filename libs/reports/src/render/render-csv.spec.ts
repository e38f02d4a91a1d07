import { BIEU_06_HEADER, renderCsv } from './render-csv';
import { figuresOf, reportOf } from './report-fixture';

describe('renderCsv (Biểu 06/VPCP/KSTT)', () => {
  const figures = figuresOf({
    received: { online: 3, counter: 5, postal: 2 },
    carriedOver: 4,
    resolved: { early: 6, onTime: 2, late: 1 },
    inProgress: { withinDeadline: 2, overdue: 1 },
    withdrawn: 1,
    waitingSupplement: 1,
  });
  const csv = renderCsv(
    reportOf([
      { kind: 'unit', key: 'u1', subject: 'Trung tâm "A", tỉnh', preposition: 'tại', units: ['u1'], figures },
      { kind: 'unit', key: 'u2', subject: 'Trung tâm B', preposition: 'tại', units: ['u2'], figures },
    ]),
  );
  const lines = csv.trimEnd().split('\r\n');

  it('has the Vietnamese header, one row per group and a total row', () => {
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(BIEU_06_HEADER.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','));
    expect(lines[0]).toContain(',"Mới tiếp nhận - Trực tiếp, dịch vụ bưu chính",Từ kỳ trước,');
    expect(lines[3]?.startsWith(',Tổng cộng,')).toBe(true);
  });

  it('fills columns 3 = 4 + 5 + 6, 7 = 8 + 9 + 10, 11 = 12 + 13, then the other buckets', () => {
    expect(lines[2]).toBe('2,Trung tâm B,14,3,7,4,9,6,2,1,3,2,1,2,1,0,1,0,0');
    expect(lines[3]).toBe(',Tổng cộng,28,6,14,8,18,12,4,2,6,4,2,4,2,0,2,0,0');
  });

  it('quotes what needs quoting', () => {
    expect(lines[1]?.startsWith('1,"Trung tâm ""A"", tỉnh",14,')).toBe(true);
  });
});
