import { figuresOf, reportOf } from './report-fixture';
import { renderText, resolutionClause } from './render-text';

// The figures of the source report (Huế, Q3 2020, § II.3.b) — given to the renderer as Figures, as the read models
// or the replay would compute them from events.
const province = figuresOf({
  received: { online: 9_000, counter: 15_346, postal: 1_940 },
  carriedOver: 1_200,
  resolved: { early: 16_305, onTime: 4_765, late: 1_104 },
  inProgress: { withinDeadline: 3_900, overdue: 211 },
  withdrawn: 1_201,
});
const districts = figuresOf({
  received: { online: 10_000, counter: 26_311, postal: 4_774 },
  carriedOver: 2_000,
  resolved: { early: 23_060, onTime: 8_522, late: 1_863 },
  inProgress: { withinDeadline: 6_000, overdue: 503 },
  withdrawn: 1_500,
  stopped: 400,
  waitingSupplement: 700,
  waitingFinancialObligation: 537,
});

const groups = [
  {
    kind: 'level' as const,
    key: 'province',
    level: 'province',
    subject: 'Trung tâm Phục vụ hành chính công tỉnh',
    preposition: 'tại' as const,
    units: ['tth-pvhcc'],
    figures: province,
  },
  {
    kind: 'level' as const,
    key: 'district',
    level: 'district',
    subject: 'các Trung tâm Hành chính công cấp huyện',
    preposition: 'tại' as const,
    units: [],
    figures: districts,
  },
];

describe('renderText', () => {
  const text = renderText(reportOf(groups));
  const [resolution, postal, reconciliation] = text.split('\n\n');

  it('reproduces the source paragraph word for word', () => {
    expect(resolution).toBe(
      'Từ ngày 10/6/2020 đến ngày 04/9/2020, tại Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 26.286 hồ sơ; ' +
        'đã giải quyết 22.174 hồ sơ; trong đó, đã giải quyết trước hẹn 16.305 hồ sơ (đạt tỷ lệ 73,5%), đúng hẹn ' +
        '4.765 hồ sơ (đạt tỷ lệ 21,5%), trễ hẹn 1.104 hồ sơ (tỷ lệ 5%); đang giải quyết 4.111 hồ sơ. ' +
        'Tại các Trung tâm Hành chính công cấp huyện đã tiếp nhận 41.085 hồ sơ; đã giải quyết 33.445 hồ sơ; trong đó, ' +
        'đã giải quyết trước hẹn 23.060 hồ sơ (đạt tỷ lệ 68,9%), đúng hẹn 8.522 hồ sơ (đạt tỷ lệ 25,5%), trễ hẹn ' +
        '1.863 hồ sơ (tỷ lệ 5,6%); đang giải quyết 6.503 hồ sơ.',
    );
  });

  it('reproduces the postal paragraph', () => {
    expect(postal).toBe(
      'Về tiếp nhận hồ sơ TTHC qua dịch vụ bưu chính công ích, từ ngày 10/6/2020 đến ngày 04/9/2020, tại Trung tâm ' +
        'Phục vụ hành chính công tỉnh đã tiếp nhận 1.940 hồ sơ; tại các Trung tâm Hành chính công cấp huyện đã tiếp nhận 4.774 hồ sơ.',
    );
  });

  it('names every bucket of the reconciliation, with the difference', () => {
    for (const words of [
      'kỳ trước chuyển sang',
      'mới tiếp nhận',
      'đã giải quyết',
      'đang giải quyết',
      'rút hồ sơ',
      'dừng xử lý',
      'chờ bổ sung',
      'nghĩa vụ tài chính',
      'chênh lệch',
    ]) {
      expect(reconciliation).toContain(words);
    }
    expect(reconciliation).toContain(
      'tại các Trung tâm Hành chính công cấp huyện: kỳ trước chuyển sang 2.000 hồ sơ, mới tiếp nhận 41.085 hồ sơ; đã giải quyết 33.445 hồ sơ, ' +
        'đang giải quyết 6.503 hồ sơ, công dân rút hồ sơ 1.500 hồ sơ, dừng xử lý 400 hồ sơ, chờ bổ sung hồ sơ 700 hồ sơ, ' +
        'chờ thực hiện nghĩa vụ tài chính 537 hồ sơ; chênh lệch 0 hồ sơ',
    );
  });

  it('renders a resolution clause with no result as 0%', () => {
    expect(
      resolutionClause(
        figuresOf({
          received: { online: 0, counter: 1, postal: 0 },
          resolved: { early: 0, onTime: 0, late: 0 },
          inProgress: { withinDeadline: 1, overdue: 0 },
        }),
      ),
    ).toBe(
      'đã tiếp nhận 1 hồ sơ; đã giải quyết 0 hồ sơ; trong đó, đã giải quyết trước hẹn 0 hồ sơ (đạt tỷ lệ 0%), đúng hẹn 0 hồ sơ (đạt tỷ lệ 0%), trễ hẹn 0 hồ sơ (tỷ lệ 0%); đang giải quyết 1 hồ sơ.',
    );
  });
});
