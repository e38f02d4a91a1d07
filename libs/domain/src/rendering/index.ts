export { formatNumber, formatShare } from './number-format';
export { formatDate } from './date-format';
export { formatWeekdayDate } from './weekday-date';
