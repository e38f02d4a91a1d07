import type { Period } from '@app/domain';
import { ReportParameterError, parseReportRequest } from '@app/reports';
import type { SeriesInterval } from '@app/read-models';

/** GET /api/v1/reports/dashboard, read and checked. */
export interface DashboardRequest {
  period: Period;
  /** Unit ids (unit and units together), or levels: as the figures endpoint reads them. */
  units?: string[];
  levels?: string[];
  interval: SeriesInterval;
}

/** The query string as given. */
export type DashboardQuery = Partial<Record<'from' | 'to' | 'unit' | 'units' | 'level' | 'interval', string>>;

/** A period up to this many days is drawn per day by default, a longer one per week. */
export const DAILY_UP_TO_DAYS = 93;

/**
 * The period and scope exactly as the figures endpoint reads them (parseReportRequest: dates, `to` not before
 * `from`, unit ids or levels, not both), `unit` and `units` being the same list; `interval` day or week (default:
 * day for a period of up to 93 days, week beyond). A bad parameter is a 400 naming it.
 */
export function parseDashboardRequest(query: DashboardQuery): DashboardRequest {
  const unit = [query.unit, query.units].filter((u) => u !== undefined && u !== '').join(',');
  const parsed = parseReportRequest({
    from: query.from,
    to: query.to,
    unit: unit === '' ? undefined : unit,
    level: query.level,
  });
  const days = (Date.parse(parsed.period.to) - Date.parse(parsed.period.from)) / 86_400_000 + 1;
  let interval: SeriesInterval = days <= DAILY_UP_TO_DAYS ? 'day' : 'week';
  if (query.interval !== undefined && query.interval !== '') {
    if (query.interval !== 'day' && query.interval !== 'week')
      throw new ReportParameterError('interval', `"interval" must be one of day, week (got "${query.interval}").`);
    interval = query.interval;
  }
  return {
    period: parsed.period,
    ...(parsed.units ? { units: parsed.units } : {}),
    ...(parsed.levels ? { levels: parsed.levels } : {}),
    interval,
  };
}
