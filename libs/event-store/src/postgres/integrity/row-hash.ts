import { hash } from 'node:crypto';
import { storedEventIntact } from '../../hash/stored-event';
import type { BinaryRow } from '@app/platform/pg';
import { copyBytes, writeAscii, writeDecimal } from '../../hash/byte-writing';

/** The fields of a log row read by verify, in the order of the scan's query. */
export const Field = {
  TransactionId: 0,
  GlobalPosition: 1,
  RecordedAt: 2,
  StreamId: 3,
  StreamPosition: 4,
  Type: 5,
  SchemaVersion: 6,
  Data: 7,
  Metadata: 8,
  Hash: 9,
  PrevHash: 10,
  Bucket: 11,
} as const;
export const FIELD_COUNT = 12;

const DATA = Buffer.from('{"data":');
const METADATA = Buffer.from(',"metadata":');
const SCHEMA_VERSION = Buffer.from(',"schemaVersion":');
const STREAM_ID = Buffer.from(',"streamId":');
const TYPE = Buffer.from(',"type":');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const CLOSE = 0x7d;

/**
 * stored-event.ts's check, on the bytes of a binary row: the content (event-hash.ts) is laid out in a reused buffer
 * from the stored texts as they are, and hashed with no string made; then the link. A row that fails this fast path
 * (a text that needs JSON escaping, a payload stored before event-store/004 in jsonb's text form, or an altered
 * event) goes through `storedEventIntact` on its decoded texts, which decides.
 */
export class RowHasher {
  private scratch = Buffer.allocUnsafe(64 * 1024);
  /** Views of the scratch buffer's first n bytes, by n: sha256 is given one without making a new one per event. */
  private views: Buffer[] = [];

  intact(row: BinaryRow): boolean {
    const position = row.int64(Field.StreamPosition);
    const prevNull = row.isNull(Field.PrevHash);
    if ((position === 1) !== prevNull) return false;
    if (sameText(this.fastHash(row, position, prevNull), row.buffer, row.start(Field.Hash), row.length(Field.Hash)))
      return true;
    return storedEventIntact({
      streamId: row.text(Field.StreamId),
      streamPosition: position,
      type: row.text(Field.Type),
      schemaVersion: row.int32(Field.SchemaVersion),
      data: row.text(Field.Data),
      metadata: row.text(Field.Metadata),
      hash: row.ascii(Field.Hash),
      prevHash: prevNull ? null : row.ascii(Field.PrevHash),
    });
  }

  /** The event's hash by the fast path; '' when a text would need escaping (the slow path decides). */
  private fastHash(row: BinaryRow, position: number, prevNull: boolean): string {
    const source = row.buffer;
    const needed =
      128 + row.length(Field.Data) + row.length(Field.Metadata) + row.length(Field.StreamId) + row.length(Field.Type);
    if (needed > this.scratch.length) {
      this.scratch = Buffer.allocUnsafe(needed * 2);
      this.views = [];
    }
    const out = this.scratch;
    let at = copyBytes(DATA, 0, DATA.length, out, 0);
    at = copyBytes(source, row.start(Field.Data), row.start(Field.Data) + row.length(Field.Data), out, at);
    at = copyBytes(METADATA, 0, METADATA.length, out, at);
    at = copyBytes(source, row.start(Field.Metadata), row.start(Field.Metadata) + row.length(Field.Metadata), out, at);
    at = copyBytes(SCHEMA_VERSION, 0, SCHEMA_VERSION.length, out, at);
    const schemaVersion = row.int32(Field.SchemaVersion);
    if (schemaVersion < 0) return '';
    at = writeDecimal(out, at, schemaVersion);
    at = copyBytes(STREAM_ID, 0, STREAM_ID.length, out, at);
    at = quoted(source, row.start(Field.StreamId), row.length(Field.StreamId), out, at);
    if (at < 0) return '';
    at = copyBytes(TYPE, 0, TYPE.length, out, at);
    at = quoted(source, row.start(Field.Type), row.length(Field.Type), out, at);
    if (at < 0) return '';
    out[at++] = CLOSE;
    const digest = hash('sha256', this.view(at), 'hex');
    // link = sha256(prevHash ":" position ":" digest)
    const prevAt = row.start(Field.PrevHash);
    at = prevNull ? 0 : copyBytes(source, prevAt, prevAt + row.length(Field.PrevHash), out, 0);
    out[at++] = COLON;
    at = writeDecimal(out, at, position);
    out[at++] = COLON;
    at = writeAscii(out, at, digest);
    return hash('sha256', this.view(at), 'hex');
  }

  private view(length: number): Buffer {
    return (this.views[length] ??= this.scratch.subarray(0, length));
  }
}

/** `"text"` as JSON.stringify writes it, when that is the bytes themselves; -1 when a byte would need escaping. */
function quoted(source: Buffer, start: number, length: number, out: Buffer, at: number): number {
  out[at++] = QUOTE;
  for (let i = start; i < start + length; i += 1) {
    const byte = source[i] as number;
    if (byte < 0x20 || byte === QUOTE || byte === BACKSLASH) return -1;
    out[at++] = byte;
  }
  out[at++] = QUOTE;
  return at;
}

/** Whether an ASCII string equals the bytes [start, start + length) of a buffer. */
function sameText(text: string, buffer: Buffer, start: number, length: number): boolean {
  if (text.length !== length) return false;
  for (let i = 0; i < length; i += 1) if (text.charCodeAt(i) !== buffer[start + i]) return false;
  return true;
}
