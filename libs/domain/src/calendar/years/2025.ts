import { type CalendarYear } from '../calendar-year';

/** 2025 — Tết 27/1–31/1 (nine days with weekends); 30/4–1/5 bridged with Friday 2/5 off and Saturday 26/4 worked. */
export const YEAR_2025: CalendarYear = {
  year: 2025,
  notice:
    'Công văn 8726/VPCP-KGVX (26/11/2024, nghỉ Tết Âm lịch và một số dịp nghỉ lễ năm 2025) and the Bộ LĐTBXH notice implementing it',
  daysOff: [
    { date: '2025-01-01', name: 'Tết Dương lịch' },
    { date: '2025-01-27', name: 'Tết Âm lịch (28 tháng Chạp Giáp Thìn)' },
    { date: '2025-01-28', name: 'Tết Âm lịch (29 tháng Chạp)' },
    { date: '2025-01-29', name: 'Tết Âm lịch (mùng 1 Tết Ất Tỵ)' },
    { date: '2025-01-30', name: 'Tết Âm lịch (mùng 2)' },
    { date: '2025-01-31', name: 'Tết Âm lịch (mùng 3)' },
    { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
    { date: '2025-04-30', name: 'Ngày Chiến thắng' },
    { date: '2025-05-01', name: 'Ngày Quốc tế Lao động' },
    { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)' },
    { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' },
    { date: '2025-09-02', name: 'Quốc khánh' },
  ],
  workingSaturdays: [{ date: '2025-04-26', replaces: '2025-05-02', name: 'Làm bù ngày nghỉ hoán đổi 02/5/2025' }],
  notes:
    'Tết off Sat 25/01 – Sun 02/02/2025 (VPCP 8726/VPCP-KGVX, press copies); swap Fri 02/5 ↔ Sat 26/4 (TTXVN/VietnamPlus). ' +
    'Quốc khánh Sat 30/08 – Tue 02/09/2025 (adjacent day Mon 01/9): as remembered from the notice, not re-checked.',
};
