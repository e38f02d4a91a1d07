import { ReferenceDataError } from './reference-error';

export interface CsvRow {
  /** 1-based line number in the text where the row starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

/**
 * Minimal RFC 4180 reader: comma-separated, a header line, fields optionally in double quotes (a doubled quote
 * inside is a quote; quoted fields may hold commas and line breaks), LF or CRLF, an optional UTF-8 BOM.
 * Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRow[] {
  const records = splitRecords(text.replace(/^\uFEFF/, ''));
  const headerRecord = records.shift();
  if (!headerRecord) throw new ReferenceDataError('INVALID_FORMAT', 'Tệp CSV rỗng: thiếu dòng tiêu đề.');
  const header = headerRecord.fields.map((name) => name.trim());
  return records.map(({ line, fields }) => {
    if (fields.length !== header.length) {
      throw new ReferenceDataError(
        'INVALID_FORMAT',
        `Dòng ${line}: có ${fields.length} cột, tiêu đề có ${header.length} cột.`,
        line,
      );
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => (values[name] = (fields[i] ?? '').trim()));
    return { line, values };
  });
}

function splitRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]?.trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (quoted)
    throw new ReferenceDataError('INVALID_FORMAT', `Dòng ${recordLine}: thiếu dấu ngoặc kép đóng.`, recordLine);
  endRecord();
  return records;
}
