import { formatDate, formatNumber, formatShare } from '@app/domain';
/* eslint-disable no-restricted-imports */
import { bieu06Rows as serverRows, BIEU_06_HEADER } from '@app/reports';
import { BIEU_06_COLUMNS, bieu06Rows } from '../../apps/web/src/reports/bieu06';
import { num, share } from '../../apps/web/src/reports/format';
import { numberOf, periodOf, reportDate } from '../../apps/web/src/reports/period';
import type { FiguresReport } from '../../apps/web/src/reports/types';
/* eslint-enable no-restricted-imports */

describe("the report pages' periods, numbers and Biểu 06, as the server has them", () => {
  it('computes calendar periods and the Decree 09/2019 reporting windows (15th → 14th)', () => {
    expect(periodOf('month', 2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('quarter', 2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('half', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodOf('year', 2020, 1)).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(periodOf('window-quarter', 2020, 1)).toEqual({ from: '2019-12-15', to: '2020-03-14' });
    expect(periodOf('window-quarter', 2020, 3)).toEqual({ from: '2020-06-15', to: '2020-09-14' });
    expect(periodOf('window-half', 2020, 1)).toEqual({ from: '2019-12-15', to: '2020-06-14' });
    expect(periodOf('window-half', 2020, 2)).toEqual({ from: '2020-06-15', to: '2020-12-14' });
    expect(periodOf('window-year', 2020, 1)).toEqual({ from: '2019-12-15', to: '2020-12-14' });
    expect(numberOf('window-quarter', '2020-09-15')).toBe(4);
    expect(numberOf('window-quarter', '2020-09-14')).toBe(3);
    expect(numberOf('window-quarter', '2020-12-20')).toBe(4);
    expect(numberOf('quarter', '2026-12-02')).toBe(4);
  });

  it('writes dates, numbers and shares as the server does (10/6/2020, 26.286, 73,5%, 5%)', () => {
    for (const date of ['2020-06-10', '2020-09-04', '2021-02-05', '2026-12-31'])
      expect(reportDate(date)).toBe(formatDate(date));
    for (const n of [0, 7, 1104, 26286, 1234567]) expect(num(n)).toBe(formatNumber(n));
    for (const [resolved, part] of [
      [22174, 16305],
      [22174, 4765],
      [22174, 1104],
      [33445, 1863],
      [3, 1],
      [8, 1],
      [1, 0],
    ] as const) {
      expect(share(part / resolved)).toBe(`${formatShare(part / resolved)}%`);
    }
  });

  it("lays out the same Biểu 06 columns and rows as the CSV's", () => {
    expect(BIEU_06_COLUMNS.map((c) => c.header)).toEqual(BIEU_06_HEADER.slice(2));
    const figures = (seed: number) => ({
      received: { total: seed + 10, online: seed + 3, counter: 4, postal: 3, counterAndPostal: 7 },
      carriedOver: seed,
      resolved: { total: 9, early: 5, onTime: 3, late: 1 },
      shares: { early: 5 / 9, onTime: 3 / 9, late: 1 / 9 },
      inProgress: { total: 6, withinDeadline: 4, overdue: 2 },
      withdrawn: 1,
      stopped: 2,
      waitingSupplement: 3,
      waitingFinancialObligation: 4,
      reconciliation: {
        carriedOver: seed,
        received: seed + 10,
        resolved: 9,
        inProgress: 6,
        withdrawn: 1,
        stopped: 2,
        waitingSupplement: 3,
        waitingFinancialObligation: 4,
        difference: seed - 15,
      },
    });
    const report = {
      period: { from: '2020-06-10', to: '2020-09-04' },
      groupBy: 'procedure',
      source: 'read-model',
      asKnownAt: null,
      generatedAt: '2020-09-05T00:00:00Z',
      eventsReplayed: null,
      groups: [
        {
          kind: 'procedure',
          key: 'T-DKDN-01',
          subject: 'Đăng ký thành lập',
          preposition: 'đối với thủ tục',
          units: [],
          figures: figures(1),
        },
        {
          kind: 'procedure',
          key: 'T-LLTP-01',
          subject: 'Lý lịch tư pháp',
          preposition: 'đối với thủ tục',
          units: [],
          figures: figures(2),
        },
      ],
      total: figures(3),
    } as FiguresReport;
    expect(bieu06Rows(report).map((r) => [r.index, r.label, ...r.cells])).toEqual(
      serverRows(report as unknown as Parameters<typeof serverRows>[0]),
    );
  });
});
