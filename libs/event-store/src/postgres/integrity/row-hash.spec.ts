import { eventHash } from '../../hash/event-hash';
import { BinaryRow } from '@app/platform/pg';
import { FIELD_COUNT, Field, RowHasher } from './row-hash';

/** A row as the binary COPY of verify lays it out (only the fields the hasher reads are filled). */
function rowOf(event: {
  streamId: string;
  streamPosition: number;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  hash: string;
  prevHash: string | null;
}): BinaryRow {
  const parts: Buffer[] = [];
  const row = new BinaryRow(FIELD_COUNT);
  let at = 7; // anything before the row must not matter
  parts.push(Buffer.alloc(7, 0x41));
  const put = (field: number, bytes: Buffer | null): void => {
    row.fields[field * 2] = at;
    row.fields[field * 2 + 1] = bytes ? bytes.length : -1;
    if (bytes) {
      parts.push(bytes);
      at += bytes.length;
    }
  };
  const int = (value: number, size: 4 | 8): Buffer => {
    const b = Buffer.alloc(size);
    if (size === 4) b.writeInt32BE(value);
    else b.writeBigInt64BE(BigInt(value));
    return b;
  };
  put(Field.StreamId, Buffer.from(event.streamId));
  put(Field.StreamPosition, int(event.streamPosition, 8));
  put(Field.Type, Buffer.from(event.type));
  put(Field.SchemaVersion, int(event.schemaVersion, 4));
  put(Field.Data, Buffer.from(event.data));
  put(Field.Metadata, Buffer.from(event.metadata));
  put(Field.Hash, Buffer.from(event.hash));
  put(Field.PrevHash, event.prevHash === null ? null : Buffer.from(event.prevHash));
  row.buffer = Buffer.concat(parts);
  return row;
}

function hashed(
  fields: { streamId: string; streamPosition: number; type: string; data: string; metadata: string },
  prevHash: string | null,
) {
  const hash = eventHash({
    streamId: fields.streamId,
    type: fields.type,
    schemaVersion: 1,
    data: JSON.parse(fields.data),
    metadata: JSON.parse(fields.metadata),
    streamPosition: fields.streamPosition,
    prevHash,
  });
  return { ...fields, schemaVersion: 1, hash, prevHash };
}

describe('RowHasher: the byte-level check of verify agrees with the hash chain definition', () => {
  const hasher = new RowHasher();
  const first = hashed(
    {
      streamId: 'dossier-2b4c',
      streamPosition: 1,
      type: 'DossierReceived',
      data: '{"applicant":"Nguyễn Văn A","code":"000.00.01.H57-200701-0001"}',
      metadata: '{"actor":"clerk@hue"}',
    },
    null,
  );
  const second = hashed(
    {
      streamId: 'dossier-2b4c',
      streamPosition: 2,
      type: 'DossierResolved',
      data: '{"on":"2020-07-03"}',
      metadata: '{}',
    },
    first.hash,
  );

  it('accepts intact events, first of their stream and later', () => {
    expect(hasher.intact(rowOf(first))).toBe(true);
    expect(hasher.intact(rowOf(second))).toBe(true);
  });

  it('refuses an event whose data, metadata, type, position, previous hash or own hash changed', () => {
    expect(hasher.intact(rowOf({ ...first, data: first.data.replace('A', 'B') }))).toBe(false);
    expect(hasher.intact(rowOf({ ...first, metadata: '{"actor":"director@hue"}' }))).toBe(false);
    expect(hasher.intact(rowOf({ ...second, type: 'DossierWithdrawn' }))).toBe(false);
    expect(hasher.intact(rowOf({ ...second, streamPosition: 3 }))).toBe(false);
    expect(hasher.intact(rowOf({ ...second, prevHash: second.hash }))).toBe(false);
    expect(hasher.intact(rowOf({ ...second, prevHash: null }))).toBe(false);
    expect(hasher.intact(rowOf({ ...first, hash: first.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) }))).toBe(
      false,
    );
  });

  it('decides through the slow path what the fast one cannot lay out: a stream id that JSON escapes', () => {
    const quoted = hashed({ ...first, streamId: 'dossier-"x"\\y' }, null);
    expect(hasher.intact(rowOf(quoted))).toBe(true);
    expect(hasher.intact(rowOf({ ...quoted, data: '{"code":"other"}' }))).toBe(false);
  });

  it('accepts payloads stored in jsonb text form (before event-store/004), as verify always did', () => {
    expect(hasher.intact(rowOf({ ...second, data: '{"on": "2020-07-03"}' }))).toBe(true);
  });
});
