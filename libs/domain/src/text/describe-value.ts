/**
 * A short, safe rendering of any parsed value for an error message: strings quoted and cut at 60 characters,
 * arrays and objects named, never walked (JSON.stringify and String() recurse, and an uploaded file may nest a
 * value thousands of levels deep).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return 'một mảng (array)';
  if (typeof value === 'object' && value !== null) return 'một đối tượng (object)';
  return String(value);
}
