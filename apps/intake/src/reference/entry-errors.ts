import { CalendarError, ReferenceDataError } from '@app/domain';
import { ApplicationError } from '@app/platform';

/** The rule each refusal of reference data broke, as a 400 names it. */
const RULE_OF_CODE: Record<ReferenceDataError['code'], string> = {
  INVALID_FORMAT: 'isObject',
  INVALID_FIELD: 'referenceData',
  DUPLICATE_VERSION: 'noOverlappingVersions',
  UNKNOWN_PARENT: 'knownParent',
  EMPTY_REGISTRY: 'registryReplacement',
  ENTRY_REMOVED: 'registryReplacement',
};

/** The field of a refusal that names none: an overlap is about the version's dates. */
const FIELD_OF_CODE: Partial<Record<ReferenceDataError['code'], string>> = { DUPLICATE_VERSION: 'validFrom' };

/**
 * A per-entry change that is not valid reference data: 400 INVALID_REFERENCE_DATA naming the field of the entry
 * (`timeLimit.amount`, `validTo`, `daysOff[0].date`) and the rule, with the parser's Vietnamese sentence.
 */
export function asInvalidEntry(error: unknown): unknown {
  if (error instanceof CalendarError) {
    const field = (error.field ?? '').replace(/^\[0\]\.?/, '') || 'body';
    return invalidEntry(field, 'calendarYear', error.message);
  }
  if (error instanceof ReferenceDataError)
    return invalidEntry(error.field ?? FIELD_OF_CODE[error.code] ?? 'body', RULE_OF_CODE[error.code], error.message);
  return error;
}

export function invalidEntry(field: string, rule: string, message: string): ApplicationError {
  return new ApplicationError(400, 'INVALID_REFERENCE_DATA', message, { errors: [{ field, rule, message }] });
}

/** The key in the body, when given, must be the one of the path. */
export function keyMismatch(field: string, given: unknown, path: string): ApplicationError {
  return invalidEntry(field, 'matchesPath', `${field}: "${String(given)}" khác với "${path}" trên đường dẫn.`);
}
