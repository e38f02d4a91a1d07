import { parseCsv } from './csv';
import { ReferenceDataError } from './reference-error';

export interface SourceRecord {
  row: number;
  /** How messages name the record: "Dòng 4" for CSV, "Bản ghi 2" for JSON. */
  where: string;
  record: Record<string, unknown>;
}

/**
 * Reference input as given by whoever read the file: JSON text (an array of objects, or `{ "records": [...] }`),
 * CSV text with a header line, or already-parsed objects.
 */
export type ReferenceInput = string | readonly unknown[];

export function readRecords(input: ReferenceInput): SourceRecord[] {
  if (typeof input !== 'string') return fromArray(input);
  const text = input.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('[') || text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ReferenceDataError('INVALID_FORMAT', `JSON không hợp lệ: ${(error as Error).message}`);
    }
    if (
      !Array.isArray(parsed) &&
      typeof parsed === 'object' &&
      parsed !== null &&
      Array.isArray((parsed as { records?: unknown }).records)
    ) {
      parsed = (parsed as { records: unknown[] }).records;
    }
    if (!Array.isArray(parsed)) throw new ReferenceDataError('INVALID_FORMAT', 'JSON phải là một mảng bản ghi.');
    return fromArray(parsed);
  }
  return parseCsv(text).map(({ line, values }) => ({ row: line, where: `Dòng ${line}`, record: values }));
}

function fromArray(items: readonly unknown[]): SourceRecord[] {
  return items.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new ReferenceDataError('INVALID_FORMAT', `Bản ghi ${i + 1}: phải là một đối tượng.`, i + 1);
    }
    return { row: i + 1, where: `Bản ghi ${i + 1}`, record: item as Record<string, unknown> };
  });
}
