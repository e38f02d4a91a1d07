import { type CalendarYear } from '../calendar-year';
import { YEAR_2019 } from './2019';
import { YEAR_2020 } from './2020';
import { YEAR_2021 } from './2021';
import { YEAR_2022 } from './2022';
import { YEAR_2023 } from './2023';
import { YEAR_2024 } from './2024';
import { YEAR_2025 } from './2025';
import { YEAR_2026 } from './2026';

/** The official working-day calendar of Vietnamese state agencies, one record per year with its notice. */
export const VIETNAM_CALENDAR_YEARS: readonly CalendarYear[] = Object.freeze([
  YEAR_2019,
  YEAR_2020,
  YEAR_2021,
  YEAR_2022,
  YEAR_2023,
  YEAR_2024,
  YEAR_2025,
  YEAR_2026,
]);
