export {
  type LunarDate,
  LunarDateError,
  VIETNAM_TIME_ZONE,
  solarToLunar,
  lunarToSolar,
  lunarNewYear,
  gioToHungVuong,
} from './lunar-calendar';
