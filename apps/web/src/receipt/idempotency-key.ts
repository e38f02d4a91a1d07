/**
 * One Idempotency-Key per receipt form: a double click, or a retry after the connection dropped, records the
 * dossier once. crypto.randomUUID exists only in secure contexts (https, localhost); a desk served over plain http on
 * the office network gets a v4 UUID from crypto.getRandomValues, available everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
