import { canonicalJson } from '../hash/canonical-json';
import { contentFromCanonical, sha256Hex } from '../hash/event-hash';
import type {
  AppendResult,
  EventData,
  EventMetadata,
  ExpectedVersion,
  RecordedEvent,
  StreamAppend,
} from '../event-store.port';
import { InvalidEventError } from '../errors';
import { storedMetadata } from '../validation';
import type { Queryable } from './queryable';
import { unstorableJson } from './storable-json';
import { EVENT_STORE_TYPES } from './type-parsers';

/** An event ready to send: canonical texts (stored as they are) and content digest computed once, in the caller's turn. */
export interface PreparedEvent {
  type: string;
  schemaVersion: number;
  data: EventData;
  metadata: EventMetadata;
  dataText: string;
  metadataText: string;
  digest: string;
}

export interface PreparedAppend {
  streamId: string;
  expected: ExpectedVersion;
  events: PreparedEvent[];
}

/** One caller's append: one or more streams, all-or-nothing. */
export interface AppendRequest {
  appends: PreparedAppend[];
  idempotencyKey?: string;
}

export type AppendOutcome =
  | { kind: 'ok'; results: AppendResult[] }
  | { kind: 'conflict'; streamId: string; expected: ExpectedVersion; actual: number }
  | { kind: 'duplicate' };

export function prepareRequest(appends: StreamAppend[], idempotencyKey?: string): AppendRequest {
  return {
    idempotencyKey,
    appends: appends.map((append) => ({
      streamId: append.streamId,
      expected: append.expectedVersion ?? 'any',
      events: append.events.map((event, index) => {
        const metadata = storedMetadata(event, idempotencyKey);
        const dataText = storable(canonicalJson(event.data), `${append.streamId}[${index}].data`);
        const metadataText = storable(canonicalJson(metadata), `${append.streamId}[${index}].metadata`);
        const content = contentFromCanonical(append.streamId, event.type, event.schemaVersion, dataText, metadataText);
        return {
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          metadata,
          dataText,
          metadataText,
          digest: sha256Hex(content),
        };
      }),
    })),
  };
}

/** The canonical text, stored as it is (a json column): refused here when PostgreSQL's text could not hold it. */
function storable(text: string, where: string): string {
  const problem = unstorableJson(text);
  if (problem) throw new InvalidEventError(`${where} holds ${problem}, which the event log cannot store.`);
  return text;
}

const EXPECTED_CODE = { any: -1, no_stream: -2, exists: -3 } as const;

function expectedCode(expected: ExpectedVersion): number {
  return typeof expected === 'number' ? expected : EXPECTED_CODE[expected];
}

const APPEND_BATCH = `SELECT kind, group_no, stream_id, stream_position::int4 AS stream_position, global_position::text AS global_position,
  recorded_at, transaction_id, hash, prev_hash, actual_version::int8::text AS actual_version
  FROM event_store.append_batch($1::text[], $2::int[], $3::text[], $4::int8[], $5::int[], $6::text[], $7::int[], $8::json[], $9::json[], $10::text[])`;

interface BatchRow {
  kind: 'event' | 'conflict' | 'duplicate' | 'head';
  group_no: number | null;
  stream_id: string | null;
  stream_position: number | null;
  global_position: string | null;
  recorded_at: Date | null;
  transaction_id: string | null;
  hash: string | null;
  prev_hash: string | null;
  actual_version: string | null;
}

/**
 * Appends a batch of requests in one call (one transaction unless `db` is inside the caller's transaction).
 * The requests must not share a stream or an idempotency key (the group committer guarantees it).
 */
export async function appendBatch(db: Queryable, requests: AppendRequest[]): Promise<AppendOutcome[]> {
  const keys: (string | null)[] = [];
  const sGroups: number[] = [];
  const sIds: string[] = [];
  const sExpected: number[] = [];
  const eStreams: number[] = [];
  const eTypes: string[] = [];
  const eVersions: number[] = [];
  const eData: string[] = [];
  const eMeta: string[] = [];
  const eDigests: string[] = [];
  const owner = new Map<string, { group: number; append: PreparedAppend }>();
  requests.forEach((request, g) => {
    keys.push(request.idempotencyKey ?? null);
    for (const append of request.appends) {
      sGroups.push(g + 1);
      sIds.push(append.streamId);
      sExpected.push(expectedCode(append.expected));
      owner.set(append.streamId, { group: g, append });
      for (const event of append.events) {
        eStreams.push(sIds.length);
        eTypes.push(event.type);
        eVersions.push(event.schemaVersion);
        eData.push(event.dataText);
        eMeta.push(event.metadataText);
        eDigests.push(event.digest);
      }
    }
  });
  const { rows } = await db.query<BatchRow>({
    name: 'event_store_append_batch',
    types: EVENT_STORE_TYPES,
    text: APPEND_BATCH,
    values: [keys, sGroups, sIds, sExpected, eStreams, eTypes, eVersions, eData, eMeta, eDigests],
  });
  return toOutcomes(requests, rows, owner);
}

function toOutcomes(
  requests: AppendRequest[],
  rows: BatchRow[],
  owner: Map<string, { group: number; append: PreparedAppend }>,
): AppendOutcome[] {
  const outcomes: (AppendOutcome | undefined)[] = new Array(requests.length);
  const eventRows = new Map<string, BatchRow[]>();
  const heads = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === 'conflict' && row.group_no !== null && row.stream_id !== null) {
      const g = row.group_no - 1;
      const expected = owner.get(row.stream_id)?.append.expected ?? 'any';
      if (!outcomes[g])
        outcomes[g] = { kind: 'conflict', streamId: row.stream_id, expected, actual: Number(row.actual_version) };
    } else if (row.kind === 'duplicate' && row.group_no !== null) {
      outcomes[row.group_no - 1] = { kind: 'duplicate' };
    } else if (row.kind === 'head' && row.stream_id !== null) {
      heads.set(row.stream_id, Number(row.actual_version));
    } else if (row.kind === 'event' && row.stream_id !== null) {
      const list = eventRows.get(row.stream_id);
      if (list) list.push(row);
      else eventRows.set(row.stream_id, [row]);
    }
  }
  return requests.map((request, g) => {
    const outcome = outcomes[g];
    if (outcome) return outcome;
    const results = request.appends.map((append): AppendResult => {
      const list = (eventRows.get(append.streamId) ?? []).sort(
        (a, b) => (a.stream_position ?? 0) - (b.stream_position ?? 0),
      );
      const events = list.map((row, index) => recordedFrom(row, append.events[index]));
      const last = events[events.length - 1];
      const nextExpectedVersion = last ? last.streamPosition : (heads.get(append.streamId) ?? 0);
      return { streamId: append.streamId, nextExpectedVersion, events, duplicate: false };
    });
    return { kind: 'ok', results };
  });
}

function recordedFrom(row: BatchRow, prepared: PreparedEvent | undefined): RecordedEvent {
  if (!prepared) throw new Error(`append_batch returned more events than sent for stream ${row.stream_id}`);
  return {
    globalPosition: Number(row.global_position),
    streamId: row.stream_id ?? '',
    streamPosition: row.stream_position ?? 0,
    type: prepared.type,
    schemaVersion: prepared.schemaVersion,
    data: prepared.data,
    metadata: prepared.metadata,
    recordedAt: row.recorded_at ?? new Date(0),
    transactionId: row.transaction_id ?? '0',
    hash: row.hash ?? '',
    prevHash: row.prev_hash,
  };
}
