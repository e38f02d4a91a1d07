import { canonicalJson } from './canonical-json';
import { eventHash } from './event-hash';
import { type StoredEvent, storedEventIntact } from './stored-event';

const DATA = { occurredAt: '2020-06-10T01:02:03.000Z', name: 'Nguyễn Văn A', fee: 12.5, note: 'line\nbreak "q"' };
const METADATA = { unit: 'UBND-Hue', actor: 'clerk-1' };
const FIELDS = { streamId: 'dossier-1', type: 'DossierReceived', schemaVersion: 1, streamPosition: 1, prevHash: null };
const HASH = eventHash({ ...FIELDS, data: DATA, metadata: METADATA });

/** The row as event-store/004 stores it: the canonical texts the writer hashed. */
const stored = (change: Partial<StoredEvent> = {}): StoredEvent => ({
  ...FIELDS,
  data: canonicalJson(DATA),
  metadata: canonicalJson(METADATA),
  hash: HASH,
  ...change,
});

describe('storedEventIntact: an event checked from its stored texts', () => {
  it('accepts the canonical texts as stored (no parse) and refuses any change to them', () => {
    expect(storedEventIntact(stored())).toBe(true);
    expect(storedEventIntact(stored({ data: canonicalJson({ ...DATA, fee: 13 }) }))).toBe(false);
    expect(storedEventIntact(stored({ metadata: canonicalJson({ ...METADATA, actor: 'clerk-2' }) }))).toBe(false);
    expect(storedEventIntact(stored({ type: 'DossierRefused' }))).toBe(false);
    expect(storedEventIntact(stored({ streamPosition: 2 }))).toBe(false);
    expect(storedEventIntact(stored({ hash: HASH.replace(/^./, '0') }))).toBe(false);
  });

  it('accepts rows written before 004, in PostgreSQL jsonb text form (keys by length, spaces)', () => {
    const jsonbData =
      '{"fee": 12.5, "name": "Nguyễn Văn A", "note": "line\\nbreak \\"q\\"", "occurredAt": "2020-06-10T01:02:03.000Z"}';
    const jsonbMetadata = '{"unit": "UBND-Hue", "actor": "clerk-1"}';
    expect(storedEventIntact(stored({ data: jsonbData, metadata: jsonbMetadata }))).toBe(true);
    expect(storedEventIntact(stored({ data: jsonbData.replace('12.5', '12.6'), metadata: jsonbMetadata }))).toBe(false);
  });

  it('refuses a key written twice, whichever way the text is read (jsonb could not store one)', () => {
    // Read by JSON.parse, the last "actor" wins and the hash would match: the repeated key itself is the alteration.
    const twice = '{"actor":"someone-else","actor":"clerk-1","unit":"UBND-Hue"}';
    expect(storedEventIntact(stored({ metadata: twice }))).toBe(false);
    // With an escape in the text (the parsed path) as without (the token-copying path).
    const escaped = '{"actor":"someone-else","actor":"clerk-1","unit":"UBND\\u002dHue"}';
    expect(storedEventIntact(stored({ metadata: escaped }))).toBe(false);
    expect(storedEventIntact(stored({ metadata: '{"actor":"clerk-1","unit":"UBND\\u002dHue"}' }))).toBe(true);
  });

  it('refuses what is not JSON instead of throwing', () => {
    expect(storedEventIntact(stored({ data: '{"occurredAt":' }))).toBe(false);
  });
});
