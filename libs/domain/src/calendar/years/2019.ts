import { type CalendarYear } from '../calendar-year';

/** 2019 — Labour Code 2012 Art. 115: Quốc khánh is one day; Tết Âm lịch five days. */
export const YEAR_2019: CalendarYear = {
  year: 2019,
  notice:
    'Bộ LĐTBXH: thông báo nghỉ Tết Dương lịch, Tết Âm lịch 2019 và hoán đổi ngày làm việc dịp 30/4–1/5/2019 (Thủ tướng đồng ý)',
  daysOff: [
    { date: '2019-01-01', name: 'Tết Dương lịch' },
    { date: '2019-02-04', name: 'Tết Âm lịch (30 tháng Chạp Mậu Tuất)' },
    { date: '2019-02-05', name: 'Tết Âm lịch (mùng 1 Tết Kỷ Hợi)' },
    { date: '2019-02-06', name: 'Tết Âm lịch (mùng 2)' },
    { date: '2019-02-07', name: 'Tết Âm lịch (mùng 3)' },
    { date: '2019-02-08', name: 'Tết Âm lịch (mùng 4)' },
    { date: '2019-04-14', name: 'Giỗ Tổ Hùng Vương (Chủ nhật)' },
    { date: '2019-04-15', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    { date: '2019-04-29', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2019)' },
    { date: '2019-04-30', name: 'Ngày Chiến thắng' },
    { date: '2019-05-01', name: 'Ngày Quốc tế Lao động' },
    { date: '2019-09-02', name: 'Quốc khánh' },
  ],
  workingSaturdays: [
    { date: '2019-01-05', replaces: '2018-12-31', name: 'Làm bù ngày nghỉ hoán đổi 31/12/2018 (Tết Dương lịch 2019)' },
    { date: '2019-05-04', replaces: '2019-04-29', name: 'Làm bù ngày nghỉ hoán đổi 29/4/2019' },
  ],
  notes:
    'Civil servants: New Year off 29/12/2018–01/01/2019 with Saturday 05/01/2019 worked; Tết off 02/02–10/02/2019 (28 Chạp – mùng 6); ' +
    '30/4–1/5 off 27/04–01/05 with Saturday 04/05 worked (press copies of the MoLISA notices, 12/2018). Notice numbers not verified.',
};
