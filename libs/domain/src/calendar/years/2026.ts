import { type CalendarYear } from '../calendar-year';

/** 2026 — notified by Bộ Nội vụ (MoLISA merged into it in 2025). */
export const YEAR_2026: CalendarYear = {
  year: 2026,
  notice:
    'Công văn 12729/VPCP-KGVX (25/12/2025, Tết Dương lịch 2026); VPCP truyền đạt ý kiến Thủ tướng (13/10/2025) on Tết Âm lịch and Quốc khánh 2026, notified by Bộ Nội vụ',
  daysOff: [
    { date: '2026-01-01', name: 'Tết Dương lịch' },
    { date: '2026-01-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)' },
    { date: '2026-02-16', name: 'Tết Âm lịch (29 tháng Chạp Ất Tỵ)' },
    { date: '2026-02-17', name: 'Tết Âm lịch (mùng 1 Tết Bính Ngọ)' },
    { date: '2026-02-18', name: 'Tết Âm lịch (mùng 2)' },
    { date: '2026-02-19', name: 'Tết Âm lịch (mùng 3)' },
    { date: '2026-02-20', name: 'Tết Âm lịch (mùng 4)' },
    { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (Chủ nhật)' },
    { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    { date: '2026-04-30', name: 'Ngày Chiến thắng' },
    { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
    { date: '2026-08-31', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)' },
    { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' },
    { date: '2026-09-02', name: 'Quốc khánh' },
  ],
  workingSaturdays: [
    { date: '2026-01-10', replaces: '2026-01-02', name: 'Làm bù ngày nghỉ hoán đổi 02/01/2026' },
    { date: '2026-08-22', replaces: '2026-08-31', name: 'Làm bù ngày nghỉ hoán đổi 31/8/2026' },
  ],
  notes:
    'New Year 01–04/01 with Fri 02/01 ↔ Sat 10/01 (VPCP 12729/VPCP-KGVX, press); Tết Sat 14/02 – Sun 22/02/2026 and Quốc khánh Sat 29/08 – Wed 02/09 ' +
    'with Mon 31/08 ↔ Sat 22/08 (thanhnien.vn, kienthuc.net.vn, 13/10/2025). Giỗ Tổ (Sun 26/4) compensatory day by Labour Code Art. 111(3). ' +
    'Any later change for 2026 (e.g. a new holiday) must be added as data.',
};
