/**
 * Vietnamese number rendering: '.' groups thousands, ',' marks decimals, trailing zero decimals dropped —
 * what `Intl.NumberFormat('vi-VN', { maximumFractionDigits })` gives, computed here so that it does not depend
 * on the process's ICU data (a small-ICU Node prints '26,286' for vi-VN).
 *
 * Rounding follows ICU, which `Intl` uses: half away from zero on the shortest decimal that names the double
 * (`String(n)`), not on the double's exact binary value — so 0.5565 × 100 (a double just below 55.65) gives
 * '55,7', as the exact share 55.65 % should. (`toFixed` would give '55,6'.)
 */
export function formatNumber(n: number, maximumFractionDigits = 3): string {
  if (!Number.isFinite(n)) throw new RangeError(`Cannot render a non-finite number: ${n}`);
  if (Math.abs(n) >= 1e21) throw new RangeError(`Number too large to render: ${n}`);
  if (!Number.isInteger(maximumFractionDigits) || maximumFractionDigits < 0 || maximumFractionDigits > 20) {
    throw new RangeError(`maximumFractionDigits must be a whole number 0–20 (got ${maximumFractionDigits})`);
  }
  const [whole = '0', fraction = ''] = roundDecimal(Math.abs(n), maximumFractionDigits).split('.');
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

/** `n` (≥ 0) rounded half away from zero to `digits` decimals, on its shortest decimal representation. */
function roundDecimal(n: number, digits: number): string {
  const shortest = String(n);
  if (/e/i.test(shortest)) return n.toFixed(digits); // below 1e-6 (rounds to 0 here) or an integer ≥ 1e21 (refused above)
  const [whole = '0', fraction = ''] = shortest.split('.');
  if (fraction.length <= digits) return fraction ? `${whole}.${fraction}` : whole;
  const kept = `${whole}${fraction.slice(0, digits)}`;
  const roundUp = fraction.charCodeAt(digits) - 48 >= 5;
  const rounded = roundUp ? incrementDigits(kept) : kept;
  const split = rounded.length - digits;
  return digits === 0 ? rounded : `${rounded.slice(0, split) || '0'}.${rounded.slice(split)}`;
}

/** Adds one to a string of decimal digits ('0999' → '1000'). */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') out[i] = '0';
    else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return out;
}
