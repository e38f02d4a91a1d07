import { isInstant, isLocalDate } from '@app/domain';
import type { LogBound } from '../replay/log-bound';
import {
  FORMATS,
  type FiguresSource,
  GROUP_BYS,
  type GroupBy,
  type ReportFormat,
  ReportParameterError,
  type ReportRequest,
  SOURCES,
} from './report-request';

/** Raw parameters as they come from a query string or the command line (names as in the HTTP API). */
export interface RawReportParameters {
  from?: unknown;
  to?: unknown;
  unit?: unknown;
  level?: unknown;
  groupBy?: unknown;
  asKnownAt?: unknown;
  asKnownAtPosition?: unknown;
  source?: unknown;
  format?: unknown;
}

/**
 * Checks the shape of every parameter and returns the request, or throws ReportParameterError naming the first bad
 * one. Whether units and levels exist is checked against the reference data later (ReportScope).
 */
export function parseReportRequest(raw: RawReportParameters): ReportRequest {
  const from = localDate(raw.from, 'from');
  const to = localDate(raw.to, 'to');
  if (to < from)
    throw new ReportParameterError(
      'to',
      `"to" (${to}) is before "from" (${from}): the period is a closed interval from..to.`,
    );
  const units = list(raw.unit, 'unit');
  const levels = list(raw.level, 'level');
  if (units && levels) throw new ReportParameterError('level', 'Give either "unit" or "level", not both.');
  if (!units && !levels)
    throw new ReportParameterError(
      'unit',
      'Give "unit" (one or more unit ids, comma-separated) or "level" (e.g. province, district).',
    );
  const groupBy = oneOf<GroupBy>(raw.groupBy, 'groupBy', GROUP_BYS, levels ? 'level' : 'unit');
  const source = oneOf<FiguresSource>(raw.source, 'source', SOURCES, 'read-model');
  const format = oneOf<ReportFormat>(raw.format, 'format', FORMATS, 'json');
  const request: ReportRequest = { period: { from, to }, groupBy, source, format };
  if (units) request.units = units;
  if (levels) request.levels = levels;
  if (raw.asKnownAt !== undefined && raw.asKnownAt !== '') {
    if (typeof raw.asKnownAt === 'string' && FILING_ID.test(raw.asKnownAt)) request.asKnownAtFiling = raw.asKnownAt;
    else if (isInstant(raw.asKnownAt)) request.asKnownAt = new Date(raw.asKnownAt);
    else
      throw new ReportParameterError(
        'asKnownAt',
        `"asKnownAt" must be an ISO-8601 instant with a zone, e.g. 2020-09-05T17:00:00+07:00, or a filed report's id (got "${String(raw.asKnownAt)}").`,
      );
  }
  if (raw.asKnownAtPosition !== undefined && raw.asKnownAtPosition !== '') {
    if (request.asKnownAt || request.asKnownAtFiling)
      throw new ReportParameterError('asKnownAtPosition', 'Give either "asKnownAt" or "asKnownAtPosition", not both.');
    request.asKnownAtPosition = logPosition(raw.asKnownAtPosition);
  }
  return request;
}

/** A filed report's id (a UUID). */
export const FILING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function logPosition(value: unknown): LogBound {
  const match = typeof value === 'string' ? /^(?:(\d{1,20}):)?(\d{1,15})$/.exec(value.trim()) : null;
  const globalPosition = match ? Number(match[2]) : NaN;
  if (!match || !Number.isSafeInteger(globalPosition))
    throw new ReportParameterError(
      'asKnownAtPosition',
      `"asKnownAtPosition" must be a global position (e.g. 4021) or a transaction id and a position (e.g. 812:4021) (got "${String(value)}").`,
    );
  return match[1] === undefined ? { globalPosition } : { transactionId: String(BigInt(match[1])), globalPosition };
}

function localDate(value: unknown, name: string): string {
  if (value === undefined || value === '')
    throw new ReportParameterError(name, `"${name}" is required (a local date YYYY-MM-DD).`);
  if (!isLocalDate(value))
    throw new ReportParameterError(name, `"${name}" must be a date YYYY-MM-DD (got "${String(value)}").`);
  return value;
}

function list(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) =>
    typeof v === 'string' ? v.split(',') : [null],
  );
  if (parts.some((p) => p === null)) throw new ReportParameterError(name, `"${name}" must be text.`);
  const items = [...new Set((parts as string[]).map((p) => p.trim()).filter((p) => p.length > 0))];
  if (items.length === 0) throw new ReportParameterError(name, `"${name}" is empty.`);
  return items;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new ReportParameterError(name, `"${name}" must be one of ${allowed.join(', ')} (got "${String(value)}").`);
  }
  return value as T;
}
