import { parseReportRequest } from './parse-report-request';
import { ReportParameterError } from './report-request';

const base = { from: '2020-06-10', to: '2020-09-04', level: 'province' };

function failure(raw: Record<string, unknown>): { parameter: string; message: string } {
  try {
    parseReportRequest(raw);
  } catch (error) {
    if (error instanceof ReportParameterError) return { parameter: error.parameter, message: error.message };
    throw error;
  }
  throw new Error('expected a ReportParameterError');
}

describe('parseReportRequest', () => {
  it('takes the defaults: group by the level given, from the read models, as JSON', () => {
    expect(parseReportRequest(base)).toEqual({
      period: { from: '2020-06-10', to: '2020-09-04' },
      levels: ['province'],
      groupBy: 'level',
      source: 'read-model',
      format: 'json',
    });
    expect(parseReportRequest({ from: '2020-06-10', to: '2020-06-10', unit: 'a, b,a' })).toMatchObject({
      units: ['a', 'b'],
      groupBy: 'unit',
    });
  });

  it('reads lists, the grouping, the source, the format and asKnownAt', () => {
    const request = parseReportRequest({
      ...base,
      level: 'province,district',
      groupBy: 'none',
      source: 'replay',
      format: 'text',
      asKnownAt: '2020-09-05T17:00:00+07:00',
    });
    expect(request).toMatchObject({
      levels: ['province', 'district'],
      groupBy: 'none',
      source: 'replay',
      format: 'text',
    });
    expect(request.asKnownAt?.toISOString()).toBe('2020-09-05T10:00:00.000Z');
  });

  it('reads asKnownAt as a filed report id, and asKnownAtPosition as tx:pos or a global position', () => {
    const id = '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(parseReportRequest({ ...base, asKnownAt: id })).toMatchObject({ asKnownAtFiling: id });
    expect(parseReportRequest({ ...base, asKnownAtPosition: '812:4021' }).asKnownAtPosition).toEqual({
      transactionId: '812',
      globalPosition: 4021,
    });
    expect(parseReportRequest({ ...base, asKnownAtPosition: '4021' }).asKnownAtPosition).toEqual({
      globalPosition: 4021,
    });
  });

  it.each([
    [{ ...base, asKnownAtPosition: 'x:1' }, 'asKnownAtPosition', 'global position'],
    [{ ...base, asKnownAt: '2020-09-05T00:00:00Z', asKnownAtPosition: '1' }, 'asKnownAtPosition', 'not both'],
    [{ ...base, from: undefined }, 'from', 'required'],
    [{ ...base, from: '2020-6-10' }, 'from', 'YYYY-MM-DD'],
    [{ ...base, to: '2020-02-30' }, 'to', 'YYYY-MM-DD'],
    [{ ...base, to: '2020-06-09' }, 'to', 'before'],
    [{ from: base.from, to: base.to }, 'unit', 'or "level"'],
    [{ ...base, unit: 'x' }, 'level', 'not both'],
    [{ ...base, level: ' , ' }, 'level', 'empty'],
    [{ ...base, groupBy: 'month' }, 'groupBy', 'unit, level, procedure, none'],
    [{ ...base, source: 'cache' }, 'source', 'read-model, replay'],
    [{ ...base, format: 'pdf' }, 'format', 'json, csv, text, xlsx'],
    [{ ...base, asKnownAt: '2020-09-05' }, 'asKnownAt', 'ISO-8601'],
  ])('rejects %j naming %s', (raw, parameter, words) => {
    const error = failure(raw);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toContain(words);
  });
});
