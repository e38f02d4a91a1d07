import { type CalendarYear } from '../calendar-year';

/** 2021 — first year of Labour Code 2019 Art. 112: Quốc khánh two days (02/9 + 03/9/2021). */
export const YEAR_2021: CalendarYear = {
  year: 2021,
  notice: 'Thông báo 4875/TB-LĐTBXH (Tết Âm lịch và Quốc khánh năm 2021)',
  daysOff: [
    { date: '2021-01-01', name: 'Tết Dương lịch' },
    { date: '2021-02-10', name: 'Tết Âm lịch (29 tháng Chạp Canh Tý)' },
    { date: '2021-02-11', name: 'Tết Âm lịch (30 tháng Chạp)' },
    { date: '2021-02-12', name: 'Tết Âm lịch (mùng 1 Tết Tân Sửu)' },
    { date: '2021-02-13', name: 'Tết Âm lịch (mùng 2, thứ Bảy)' },
    { date: '2021-02-14', name: 'Tết Âm lịch (mùng 3, Chủ nhật)' },
    { date: '2021-02-15', name: 'Nghỉ bù Tết Âm lịch (mùng 4)' },
    { date: '2021-02-16', name: 'Nghỉ bù Tết Âm lịch (mùng 5)' },
    { date: '2021-04-21', name: 'Giỗ Tổ Hùng Vương' },
    { date: '2021-04-30', name: 'Ngày Chiến thắng' },
    { date: '2021-05-01', name: 'Ngày Quốc tế Lao động (thứ Bảy)' },
    { date: '2021-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động' },
    { date: '2021-09-02', name: 'Quốc khánh' },
    { date: '2021-09-03', name: 'Quốc khánh (ngày liền kề)' },
  ],
  workingSaturdays: [],
  notes:
    'Tết off Wed 10/02 – Tue 16/02/2021 and Quốc khánh off Thu 02/09 – Sun 05/09/2021 per Thông báo 4875/TB-LĐTBXH (press copy, khoahocdoisong.vn). ' +
    '1/5 on Saturday → compensatory Monday 03/5 (Labour Code 2019 Art. 111(3)).',
};
