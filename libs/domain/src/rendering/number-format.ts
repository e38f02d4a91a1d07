/**
 * Vietnamese number rendering: '.' groups thousands, ',' marks decimals, trailing zero decimals dropped —
 * what `Intl.NumberFormat('vi-VN', { maximumFractionDigits })` gives, computed here so that it does not depend
 * on the process's ICU data (a small-ICU Node prints '26,286' for vi-VN).
 *
 * Rounding follows ECMA-402 (half away from zero on the exact value of the double), which is what
 * `Number.prototype.toFixed` does for |n| < 1e21.
 */
export function formatNumber(n: number, maximumFractionDigits = 3): string {
  if (!Number.isFinite(n)) throw new RangeError(`Cannot render a non-finite number: ${n}`);
  if (Math.abs(n) >= 1e21) throw new RangeError(`Number too large to render: ${n}`);
  if (!Number.isInteger(maximumFractionDigits) || maximumFractionDigits < 0 || maximumFractionDigits > 20) {
    throw new RangeError(`maximumFractionDigits must be a whole number 0–20 (got ${maximumFractionDigits})`);
  }
  const fixed = Math.abs(n).toFixed(maximumFractionDigits);
  const [whole = '0', fraction = ''] = fixed.split('.');
  const decimals = fraction.replace(/0+$/, '');
  const negative = n < 0 || Object.is(n, -0);
  return `${negative ? '-' : ''}${groupThousands(whole)}${decimals ? `,${decimals}` : ''}`;
}

/**
 * A share as a Vietnamese percentage number with one decimal, trailing ',0' dropped (no '%' sign):
 * 16305/22174 → '73,5'; 1104/22174 → '5'; 1863/33445 → '5,6'.
 */
export function formatShare(ratio: number): string {
  return formatNumber(ratio * 100, 1);
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return out;
}
