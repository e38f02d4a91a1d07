import fc from 'fast-check';
import { formatNumber, formatShare } from './number-format';

/** True when this process's ICU data really formats vi-VN (full ICU). */
function intlHasVietnamese(): boolean {
  try {
    return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(26286.25) === '26.286,3';
  } catch {
    return false;
  }
}
const withIntl = intlHasVietnamese() ? it : it.skip;

describe('formatNumber', () => {
  it('groups thousands with "." and marks decimals with ","', () => {
    expect(formatNumber(26286)).toBe('26.286');
    expect(formatNumber(41085)).toBe('41.085');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234567.891)).toBe('1.234.567,891');
    expect(formatNumber(-1234.5)).toBe('-1.234,5');
    expect(formatNumber(1234.5, 0)).toBe('1.235');
  });

  it('refuses what it cannot render', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Infinity)).toThrow(RangeError);
    expect(() => formatNumber(1e21)).toThrow(RangeError);
    expect(() => formatNumber(1, -1)).toThrow(RangeError);
  });

  it('rounds half away from zero on the decimal that names the share (regression: 55650/100000 is 55,7, as Intl says)', () => {
    expect(formatShare(55650 / 100000)).toBe('55,7');
    expect(formatShare(0.5565)).toBe('55,7');
    expect(formatShare(1 / 8)).toBe('12,5');
    expect(formatShare(0.99999)).toBe('100');
  });

  withIntl('equals Intl.NumberFormat("vi-VN") where the ICU data is there', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 3 }), (n, digits) => {
        expect(formatNumber(n, digits)).toBe(
          new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(n),
        );
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        expect(formatNumber(n)).toBe(new Intl.NumberFormat('vi-VN').format(n));
      }),
    );
  });
});

describe('formatShare', () => {
  it('renders the source report shares', () => {
    expect(formatShare(16305 / 22174)).toBe('73,5');
    expect(formatShare(4765 / 22174)).toBe('21,5');
    expect(formatShare(1104 / 22174)).toBe('5');
    expect(formatShare(1863 / 33445)).toBe('5,6');
    expect(formatShare(1)).toBe('100');
    expect(formatShare(0)).toBe('0');
  });

  withIntl('equals Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }) on ratio × 100', () => {
    const intl = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (part, whole) => {
        const ratio = Math.min(part, whole) / whole;
        expect(formatShare(ratio)).toBe(intl.format(ratio * 100));
      }),
      { numRuns: 3000 },
    );
    for (const [part, whole] of [
      [16305, 22174],
      [1104, 22174],
      [1863, 33445],
      [1, 8],
      [3, 8],
      [1, 40],
    ] as const) {
      expect(formatShare(part / whole)).toBe(intl.format((part / whole) * 100));
    }
  });
});
