import { type CalendarYear } from '../calendar-year';

/** 2022 — several holidays fell on weekends: compensatory days per Labour Code 2019 Art. 111(3). */
export const YEAR_2022: CalendarYear = {
  year: 2022,
  notice: 'Công văn 245/VPCP-KGVX (11/01/2022, Tết Âm lịch 2022); Bộ LĐTBXH thông báo nghỉ lễ năm 2022',
  daysOff: [
    { date: '2022-01-01', name: 'Tết Dương lịch (thứ Bảy)' },
    { date: '2022-01-03', name: 'Nghỉ bù Tết Dương lịch' },
    { date: '2022-01-31', name: 'Tết Âm lịch (29 tháng Chạp Tân Sửu)' },
    { date: '2022-02-01', name: 'Tết Âm lịch (mùng 1 Tết Nhâm Dần)' },
    { date: '2022-02-02', name: 'Tết Âm lịch (mùng 2)' },
    { date: '2022-02-03', name: 'Tết Âm lịch (mùng 3)' },
    { date: '2022-02-04', name: 'Tết Âm lịch (mùng 4)' },
    { date: '2022-04-10', name: 'Giỗ Tổ Hùng Vương (Chủ nhật)' },
    { date: '2022-04-11', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    { date: '2022-04-30', name: 'Ngày Chiến thắng (thứ Bảy)' },
    { date: '2022-05-01', name: 'Ngày Quốc tế Lao động (Chủ nhật)' },
    { date: '2022-05-02', name: 'Nghỉ bù Ngày Chiến thắng' },
    { date: '2022-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động' },
    { date: '2022-09-01', name: 'Quốc khánh (ngày liền kề)' },
    { date: '2022-09-02', name: 'Quốc khánh' },
  ],
  workingSaturdays: [],
  notes:
    'Tết off Sat 29/01 – Sun 06/02/2022 (5 Tết days + 4 weekend days, VPCP 245/VPCP-KGVX); Giỗ Tổ 3 days, 30/4–1/5 4 days (vietnamplus via qbtv.vn). ' +
    'Quốc khánh Thu 01/09 – Sun 04/09/2022: from the MoLISA notice as remembered, number not verified.',
};
