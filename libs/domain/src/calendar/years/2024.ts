import { type CalendarYear } from '../calendar-year';

/** 2024 — Tết 08/2–14/2; 30/4–1/5 bridged with Monday 29/4 off and Saturday 04/5 worked. */
export const YEAR_2024: CalendarYear = {
  year: 2024,
  notice:
    'Thông báo 5015/TB-LĐTBXH (22/11/2023, Tết Âm lịch và Quốc khánh 2024); Công văn 2450/VPCP-KGVX (12/4/2024, hoán đổi dịp 30/4–1/5)',
  daysOff: [
    { date: '2024-01-01', name: 'Tết Dương lịch' },
    { date: '2024-02-08', name: 'Tết Âm lịch (29 tháng Chạp Quý Mão)' },
    { date: '2024-02-09', name: 'Tết Âm lịch (30 tháng Chạp)' },
    { date: '2024-02-10', name: 'Tết Âm lịch (mùng 1 Tết Giáp Thìn, thứ Bảy)' },
    { date: '2024-02-11', name: 'Tết Âm lịch (mùng 2, Chủ nhật)' },
    { date: '2024-02-12', name: 'Tết Âm lịch (mùng 3)' },
    { date: '2024-02-13', name: 'Nghỉ bù Tết Âm lịch (mùng 4)' },
    { date: '2024-02-14', name: 'Nghỉ bù Tết Âm lịch (mùng 5)' },
    { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương' },
    { date: '2024-04-29', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)' },
    { date: '2024-04-30', name: 'Ngày Chiến thắng' },
    { date: '2024-05-01', name: 'Ngày Quốc tế Lao động' },
    { date: '2024-09-02', name: 'Quốc khánh' },
    { date: '2024-09-03', name: 'Quốc khánh (ngày liền kề)' },
  ],
  workingSaturdays: [{ date: '2024-05-04', replaces: '2024-04-29', name: 'Làm bù ngày nghỉ hoán đổi 29/4/2024' }],
  notes:
    'Checked against the text of Thông báo 5015/TB-LĐTBXH (copy on huyendakha.kontum.gov.vn) and the VPCP 2450 press reports.',
};
