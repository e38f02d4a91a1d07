import { type CalendarYear } from '../calendar-year';

/** 2020 — Labour Code 2012 Art. 115: Quốc khánh is one day (Wednesday 02/9/2020; 03/9 is a working day). */
export const YEAR_2020: CalendarYear = {
  year: 2020,
  notice:
    'Bộ LĐTBXH: thông báo nghỉ Tết Âm lịch và Quốc khánh năm 2020 đối với cán bộ, công chức, viên chức (Thủ tướng đồng ý, 2019)',
  daysOff: [
    { date: '2020-01-01', name: 'Tết Dương lịch' },
    { date: '2020-01-23', name: 'Tết Âm lịch (29 tháng Chạp Kỷ Hợi)' },
    { date: '2020-01-24', name: 'Tết Âm lịch (30 tháng Chạp)' },
    { date: '2020-01-25', name: 'Tết Âm lịch (mùng 1 Tết Canh Tý, thứ Bảy)' },
    { date: '2020-01-26', name: 'Tết Âm lịch (mùng 2, Chủ nhật)' },
    { date: '2020-01-27', name: 'Tết Âm lịch (mùng 3)' },
    { date: '2020-01-28', name: 'Nghỉ bù Tết Âm lịch (mùng 4)' },
    { date: '2020-01-29', name: 'Nghỉ bù Tết Âm lịch (mùng 5)' },
    { date: '2020-04-02', name: 'Giỗ Tổ Hùng Vương' },
    { date: '2020-04-30', name: 'Ngày Chiến thắng' },
    { date: '2020-05-01', name: 'Ngày Quốc tế Lao động' },
    { date: '2020-09-02', name: 'Quốc khánh' },
  ],
  workingSaturdays: [],
  notes:
    'Tết off Thu 23/01 – Wed 29/01/2020 (29 Chạp Kỷ Hợi – mùng 5 Canh Tý): socongthuong.daklak.gov.vn (07/01/2020), cited in domain-research §5.1. ' +
    'No swap for 2/9/2020 (domain-research §5.1). Notice number not verified.',
};
