import { type CalendarYear } from '../calendar-year';

/** 2023 — Giỗ Tổ (Sat 29/4), 30/4 (Sun) and 1/5 (Mon) in a row: compensatory days Tue 2/5 and Wed 3/5. */
export const YEAR_2023: CalendarYear = {
  year: 2023,
  notice: 'Công văn 8056/VPCP-KGVX (01/12/2022) and the Bộ LĐTBXH notice on Tết Âm lịch and Quốc khánh 2023',
  daysOff: [
    { date: '2023-01-01', name: 'Tết Dương lịch (Chủ nhật)' },
    { date: '2023-01-02', name: 'Nghỉ bù Tết Dương lịch' },
    { date: '2023-01-20', name: 'Tết Âm lịch (29 tháng Chạp Nhâm Dần)' },
    { date: '2023-01-21', name: 'Tết Âm lịch (30 tháng Chạp, thứ Bảy)' },
    { date: '2023-01-22', name: 'Tết Âm lịch (mùng 1 Tết Quý Mão, Chủ nhật)' },
    { date: '2023-01-23', name: 'Tết Âm lịch (mùng 2)' },
    { date: '2023-01-24', name: 'Tết Âm lịch (mùng 3)' },
    { date: '2023-01-25', name: 'Nghỉ bù Tết Âm lịch (mùng 4)' },
    { date: '2023-01-26', name: 'Nghỉ bù Tết Âm lịch (mùng 5)' },
    { date: '2023-04-29', name: 'Giỗ Tổ Hùng Vương (thứ Bảy)' },
    { date: '2023-04-30', name: 'Ngày Chiến thắng (Chủ nhật)' },
    { date: '2023-05-01', name: 'Ngày Quốc tế Lao động' },
    { date: '2023-05-02', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    { date: '2023-05-03', name: 'Nghỉ bù Ngày Chiến thắng' },
    { date: '2023-09-01', name: 'Quốc khánh (ngày liền kề)' },
    { date: '2023-09-02', name: 'Quốc khánh (thứ Bảy)' },
    { date: '2023-09-04', name: 'Nghỉ bù Quốc khánh' },
  ],
  workingSaturdays: [],
  notes:
    'Tết off 20/01–26/01/2023 and Quốc khánh 01/09–04/09/2023 per VPCP 8056/VPCP-KGVX (press copies); New Year 01–02/01 and ' +
    '29/04–03/05 with compensatory days 02/5 and 03/5 per press copies of the MoLISA notices.',
};
