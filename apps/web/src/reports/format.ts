/**
 * Numbers as the reports write them (vi-VN): thousands grouped by '.', decimals after ','; shares with one decimal
 * and a trailing ',0' dropped — 26.286, 73,5%, 5%. The same rendering as the server's Vietnamese text.
 */
const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export const num = (n: number): string => whole.format(n);

/** A ratio 0..1 as a percentage: 0.735 → "73,5%" (rounded half away from zero on its shortest decimal). */
export function share(ratio: number): string {
  const percent = Number((ratio * 100).toPrecision(12));
  return `${oneDecimal.format(Math.round(percent * 10) / 10)}%`;
}

/** A signed difference: "+3", "−2", "0". */
export const signed = (n: number): string => (n > 0 ? `+${num(n)}` : n < 0 ? `−${num(-n)}` : '0');
