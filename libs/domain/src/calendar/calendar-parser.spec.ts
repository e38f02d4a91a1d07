import { CalendarError } from './calendar-error';
import { parseCalendarYears } from './calendar-parser';
import { VIETNAM_CALENDAR_YEARS } from './years';

const fieldOf = (input: string | unknown[]): string | undefined => {
  try {
    parseCalendarYears(input);
  } catch (error) {
    if (error instanceof CalendarError) return error.field;
    throw error;
  }
  return 'accepted';
};

describe('parseCalendarYears', () => {
  it('reads the shipped years back as they are', () => {
    expect(parseCalendarYears(JSON.stringify(VIETNAM_CALENDAR_YEARS))).toEqual(VIETNAM_CALENDAR_YEARS);
  });

  it('names the field of every kind of bad record', () => {
    expect(fieldOf('[{}]')).toBe('[0].year');
    expect(fieldOf([{ year: 2020.5 }])).toBe('[0].year');
    expect(fieldOf([{ year: 2020, daysOff: [] }])).toBe('[0].notice');
    expect(fieldOf([{ year: 2020, notice: 'n' }])).toBe('[0].daysOff');
    expect(fieldOf([{ year: 2020, notice: 'n', daysOff: ['2020-01-01'] }])).toBe('[0].daysOff[0]');
    expect(fieldOf([{ year: 2020, notice: 'n', daysOff: [{ date: '2020-01-01' }] }])).toBe('[0].daysOff[0].name');
    expect(fieldOf([{ year: 2020, notice: 'n', daysOff: [{ date: '2020-13-01', name: 'x' }] }])).toBe(
      '[0].daysOff[0].date',
    );
    expect(
      fieldOf([{ year: 2020, notice: 'n', daysOff: [], workingSaturdays: [{ date: '2020-02-08', replaces: 'soon' }] }]),
    ).toBe('[0].workingSaturdays[0].replaces');
    expect(fieldOf([{ year: 2020, notice: 'n\u0000', daysOff: [] }])).toBe('[0].notice');
    expect(fieldOf([{ year: 2020, notice: 'n', daysOff: [], extra: 1 }])).toBe('[0].extra');
    expect(fieldOf('not json')).toBe('');
    expect(fieldOf('[]')).toBe('');
  });

  it('checks the years together: a year given twice, a swap on a weekday', () => {
    const year = { year: 2030, notice: 'n', daysOff: [] };
    expect(() => parseCalendarYears([year, year])).toThrow('given twice');
    expect(() => parseCalendarYears([{ ...year, workingSaturdays: [{ date: '2030-01-07' }] }])).toThrow(
      'not a weekend day',
    );
    expect(parseCalendarYears([year])).toEqual([{ ...year, workingSaturdays: [] }]);
  });

  it('describes any value without walking it', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => parseCalendarYears([{ year: deep }])).toThrow('got một mảng');
  });
});
