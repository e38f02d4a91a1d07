/** Matches a lone UTF-16 surrogate (with the `u` flag a well-formed pair is one code point, not matched). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Why a text cannot be kept in the event log, in Vietnamese for the person who typed or imported it, or undefined
 * when it can: PostgreSQL refuses NUL in text and jsonb, and a lone surrogate has no UTF-8 encoding.
 */
export function unstorableTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'chứa ký tự NUL (\\u0000), không lưu được.';
  if (LONE_SURROGATE.test(text)) return 'chứa ký tự Unicode không hợp lệ (nửa cặp UTF-16), không lưu được.';
  return undefined;
}
