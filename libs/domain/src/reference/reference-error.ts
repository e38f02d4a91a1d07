/**
 * A reference record (unit, procedure) that cannot be read. The message names the row (CSV line, or the
 * 1-based position in a JSON array) and the field, in Vietnamese, for the administrator importing the file.
 */
export class ReferenceDataError extends Error {
  constructor(
    readonly code:
      'INVALID_FORMAT' | 'INVALID_FIELD' | 'DUPLICATE_VERSION' | 'UNKNOWN_PARENT' | 'EMPTY_REGISTRY' | 'ENTRY_REMOVED',
    message: string,
    readonly row: number | null = null,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'ReferenceDataError';
  }
}
