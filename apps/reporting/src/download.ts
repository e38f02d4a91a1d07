import { ApplicationError } from '@app/platform';

/** The media type of an XLSX workbook. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `download=1` (or true): answer as a file to save. Absent or 0/false: shown in the browser. Else a 400. */
export function wantsDownload(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  const message = `download must be 1 or 0 (got "${value}")`;
  throw new ApplicationError(400, 'VALIDATION_FAILED', message, {
    errors: [{ field: 'download', rule: 'isIn', message }],
  });
}
