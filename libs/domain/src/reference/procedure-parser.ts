import type { TimeLimit } from '../deadlines';
import { describeValue } from '../text/describe-value';
import { fieldReader, type FieldReader } from './fields';
import { ONLINE_LEVELS, type OnlineLevel, type Procedure } from './procedure';
import { readRecords, type ReferenceInput } from './records';

/**
 * Procedures from JSON or CSV. CSV columns: code, name, level, field, timeLimitUnit, timeLimitAmount, oneStop,
 * interconnected, onlineLevel, legalBasis, validFrom, validTo. JSON records may give `timeLimit` as an object
 * `{ "unit": "working_days", "amount": 3 }` instead of the two flat fields.
 */
export function parseProcedures(input: ReferenceInput): Procedure[] {
  return readRecords(input).map(({ row, where, record }) => {
    const read = fieldReader(record, row, where);
    const field = read.optionalString('field');
    const legalBasis = read.optionalString('legalBasis');
    const procedure: Procedure = {
      code: read.string('code'),
      name: read.string('name'),
      level: read.string('level'),
      ...(field !== undefined ? { field } : {}),
      timeLimit: readTimeLimit(read),
      oneStop: read.boolean('oneStop'),
      interconnected: read.boolean('interconnected'),
      onlineLevel: readOnlineLevel(read),
      ...(legalBasis !== undefined ? { legalBasis } : {}),
      validFrom: read.localDate('validFrom'),
      validTo: read.nullableLocalDate('validTo'),
    };
    if (procedure.validTo !== null && procedure.validTo <= procedure.validFrom)
      read.fail('validTo', `phải sau validFrom (${procedure.validFrom}).`);
    return procedure;
  });
}

const UNITS = ['working_days', 'calendar_days', 'working_hours', 'immediate'] as const;

function readTimeLimit(read: FieldReader): TimeLimit {
  const nested = read.raw('timeLimit');
  let unit: unknown = read.raw('timeLimitUnit');
  let amount: unknown = read.raw('timeLimitAmount');
  let field = 'timeLimitUnit';
  let amountField = 'timeLimitAmount';
  if (typeof nested === 'object' && nested !== null) {
    ({ unit, amount } = nested as { unit?: unknown; amount?: unknown });
    field = 'timeLimit.unit';
    amountField = 'timeLimit.amount';
  }
  const u = typeof unit === 'string' ? unit.trim() : unit;
  if (!UNITS.includes(u as (typeof UNITS)[number]))
    return read.fail(field, `đơn vị thời hạn ${describeValue(unit)} không hợp lệ (${UNITS.join(', ')}).`);
  if (u === 'immediate') return { unit: 'immediate' };
  const n =
    typeof amount === 'number' ? amount : typeof amount === 'string' && amount.trim() !== '' ? Number(amount) : NaN;
  if (!Number.isInteger(n) || n <= 0)
    return read.fail(amountField, `thời hạn phải là số nguyên dương, nhận được ${describeValue(amount ?? '')}.`);
  return { unit: u as 'working_days' | 'calendar_days' | 'working_hours', amount: n };
}

function readOnlineLevel(read: FieldReader): OnlineLevel {
  const raw = read.raw('onlineLevel');
  if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
    return read.fail(
      'onlineLevel',
      `mức dịch vụ công trực tuyến ${describeValue(raw)} không hợp lệ (none, partial, full hoặc 1–4).`,
    );
  }
  const value = raw === undefined || raw === null ? 'none' : String(raw).trim();
  if ((ONLINE_LEVELS as readonly string[]).includes(value)) return value as OnlineLevel;
  if (['1', '2', ''].includes(value)) return 'none';
  if (value === '3') return 'partial';
  if (value === '4') return 'full';
  return read.fail(
    'onlineLevel',
    `mức dịch vụ công trực tuyến "${value}" không hợp lệ (none, partial, full hoặc 1–4).`,
  );
}
