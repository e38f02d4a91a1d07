export { formatNumber, formatShare } from './number-format';
export { formatDate } from './date-format';
