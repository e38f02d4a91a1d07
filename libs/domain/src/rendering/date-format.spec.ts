import fc from 'fast-check';
import { formatDate } from './date-format';

describe('formatDate (Decree 30/2020)', () => {
  it('pads days below 10 and months 1–2 only', () => {
    expect(formatDate('2020-09-04')).toBe('04/9/2020');
    expect(formatDate('2021-02-05')).toBe('05/02/2021');
    expect(formatDate('2020-06-10')).toBe('10/6/2020');
    expect(formatDate('2020-12-25')).toBe('25/12/2020');
    expect(formatDate('2020-01-23')).toBe('23/01/2020');
    expect(formatDate('2020-10-01')).toBe('01/10/2020');
  });

  it('refuses non-dates', () => {
    expect(() => formatDate('2020-02-30')).toThrow(RangeError);
    expect(() => formatDate('4/9/2020')).toThrow(RangeError);
  });

  it('always reads back to the same date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [day, month, year] = formatDate(iso).split('/');
          expect(`${year}-${month?.padStart(2, '0')}-${day}`).toBe(iso);
          expect(day).toHaveLength(2);
          expect(month?.length).toBe(Number(month) <= 2 || Number(month) >= 10 ? 2 : 1);
        },
      ),
    );
  });
});
