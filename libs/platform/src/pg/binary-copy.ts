import type { ClientBase } from 'pg';
import { to } from 'pg-copy-streams';

/**
 * Rows of `COPY (query) TO STDOUT (FORMAT binary)`, read straight from the wire: no text conversion on the server
 * (integers and times travel as their 8 bytes, texts and json as their UTF-8 bytes) and no string or row object made
 * on this side unless the reader asks for one. The cheapest way found to read the log end to end (verify).
 *
 * Format (PostgreSQL documentation, "COPY", binary format): an 11-byte signature, a 32-bit flags field, a 32-bit
 * header-extension length and that many bytes; then per row a 16-bit field count (-1 ends the data) and per field a
 * 32-bit length (-1: NULL) followed by the field's bytes; all integers big-endian.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** One row as the reader sees it: the chunk that holds it whole and each field's place in it. */
export class BinaryRow {
  buffer: Buffer = Buffer.alloc(0);
  /** start, length per field (length -1: NULL). */
  readonly fields: Int32Array;

  constructor(readonly fieldCount: number) {
    this.fields = new Int32Array(fieldCount * 2);
  }

  start(field: number): number {
    return this.fields[field * 2] as number;
  }

  length(field: number): number {
    return this.fields[field * 2 + 1] as number;
  }

  isNull(field: number): boolean {
    return this.length(field) < 0;
  }

  /** A 64-bit integer (int8, xid8, timestamptz) as a number: exact below 2^53, as every value read here is. */
  int64(field: number): number {
    const at = this.start(field);
    return this.buffer.readInt32BE(at) * 0x1_0000_0000 + this.buffer.readUInt32BE(at + 4);
  }

  int32(field: number): number {
    return this.buffer.readInt32BE(this.start(field));
  }

  text(field: number): string {
    const at = this.start(field);
    return this.buffer.toString('utf8', at, at + this.length(field));
  }

  /** A text known to be ASCII (hex digests): cheaper than UTF-8 decoding. */
  ascii(field: number): string {
    const at = this.start(field);
    return this.buffer.toString('latin1', at, at + this.length(field));
  }
}

export class BinaryCopyError extends Error {}

/**
 * Runs the COPY on `client` (inside its transaction, if any) and calls `onRow` for each row, in order. `row` is
 * reused: copy out what must outlive the call. Resolves with the number of rows.
 */
export async function readBinaryCopy(
  client: ClientBase,
  query: string,
  fieldCount: number,
  onRow: (row: BinaryRow) => void,
): Promise<number> {
  const stream = client.query(to(`COPY (${query}) TO STDOUT (FORMAT binary)`));
  const row = new BinaryRow(fieldCount);
  let pending: Buffer | null = null;
  let headerRead = false;
  let rows = 0;
  let ended = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buffer: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    if (!headerRead) {
      if (buffer.length < SIGNATURE.length + 8) {
        pending = buffer;
        continue;
      }
      if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE))
        throw new BinaryCopyError('not a binary COPY stream');
      const extension = buffer.readInt32BE(SIGNATURE.length + 4);
      at = SIGNATURE.length + 8 + extension;
      headerRead = true;
    }
    row.buffer = buffer;
    for (;;) {
      const end = locateRow(buffer, at, row);
      if (end === ROW_INCOMPLETE) break;
      if (end === DATA_END) {
        ended = true;
        at = buffer.length;
        break;
      }
      onRow(row);
      rows += 1;
      at = end;
    }
    pending = at < buffer.length ? buffer.subarray(at) : null;
  }
  if (!ended || pending) throw new BinaryCopyError('the binary COPY stream ended in the middle of a row');
  return rows;
}

const ROW_INCOMPLETE = -1;
const DATA_END = -2;

/** Places the row starting at `at` into `row.fields`; its end, or ROW_INCOMPLETE / DATA_END. */
function locateRow(buffer: Buffer, at: number, row: BinaryRow): number {
  if (at + 2 > buffer.length) return ROW_INCOMPLETE;
  const count = buffer.readInt16BE(at);
  if (count === -1) return DATA_END;
  if (count !== row.fieldCount)
    throw new BinaryCopyError(`a row of ${count} fields where ${row.fieldCount} were asked`);
  let cursor = at + 2;
  for (let field = 0; field < count; field += 1) {
    if (cursor + 4 > buffer.length) return ROW_INCOMPLETE;
    const length = buffer.readInt32BE(cursor);
    cursor += 4;
    row.fields[field * 2] = cursor;
    row.fields[field * 2 + 1] = length;
    if (length > 0) cursor += length;
    if (cursor > buffer.length) return ROW_INCOMPLETE;
  }
  return cursor;
}
