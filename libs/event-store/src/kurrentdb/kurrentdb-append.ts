import { randomUUID } from 'node:crypto';
import {
  NO_STREAM,
  WrongExpectedVersionError as KurrentConflict,
  type AppendStreamRequest,
  type EventData,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../errors';
import type { AppendResult, ExpectedVersion, StreamAppend } from '../event-store.port';
import { canonicalJson } from '../hash/canonical-json';
import { chainLink, contentFromCanonical, sha256Hex } from '../hash/event-hash';
import { storedMetadata } from '../validation';
import { deterministicEventId, encodeMetadata, idempotencyStream } from './codec';
import type { KurrentClient } from './kurrentdb-client';
import { lastEvent, readStream } from './kurrentdb-reads';

const MAX_ATTEMPTS = 10;

interface Head {
  version: number;
  hash: string | null;
}

interface MarkerData {
  key: string;
  streams: { streamId: string; from: number; to: number }[];
  [key: string]: unknown;
}

function satisfies(expected: ExpectedVersion, version: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream' || expected === 0) return version === 0;
  if (expected === 'exists') return version > 0;
  return version === expected;
}

/**
 * Appends through KurrentDB. The chain needs each stream's head, so the adapter reads the last event of every
 * stream, then appends expecting exactly that revision (a concurrent writer makes it re-read and retry when the
 * caller's own expectation still holds). With an idempotency key, a marker stream `_es-idempotency-<sha>` is written
 * in the same multi-stream append expecting no stream: of concurrent duplicates exactly one wins; the others, and
 * later repeats, read the original events back. Multi-stream and keyed appends need KurrentDB >= 25.1.
 */
export async function appendToStreams(
  client: KurrentClient,
  appends: StreamAppend[],
  key: string | undefined,
): Promise<AppendResult[]> {
  for (let attempt = 1; ; attempt += 1) {
    if (key !== undefined) {
      const original = await originalResults(client, key);
      if (original) return original;
    }
    const heads = await Promise.all(appends.map((a) => head(client, a.streamId)));
    appends.forEach((append, i) => {
      const version = heads[i]?.version ?? 0;
      if (!satisfies(append.expectedVersion ?? 'any', version))
        throw new WrongExpectedVersionError(append.streamId, append.expectedVersion ?? 'any', version);
    });
    const requests = appends.map((append, i) => toRequest(append, heads[i] as Head, key));
    if (key !== undefined) requests.push(markerRequest(key, appends, heads));
    const writing = requests.filter((r) => r.events.length > 0 || r.streamName.startsWith('_es-'));
    try {
      if (writing.length === 1 && writing[0]) {
        await client.appendToStream(writing[0].streamName, writing[0].events, {
          streamState: writing[0].expectedState,
        });
      } else if (writing.length > 1) {
        await client.multiStreamAppend(writing);
      }
    } catch (error) {
      if (!(error instanceof KurrentConflict) || attempt >= MAX_ATTEMPTS) throw error;
      continue; // someone wrote meanwhile: re-read heads (and the key), check the caller's expectations again
    }
    return Promise.all(
      appends.map(async (append, i) => {
        const from = (heads[i]?.version ?? 0) + 1;
        const to = from + append.events.length - 1;
        const events =
          append.events.length > 0
            ? await readStream(client, append.streamId, { fromVersion: from, toVersion: to })
            : [];
        return { streamId: append.streamId, nextExpectedVersion: to, events, duplicate: false };
      }),
    );
  }
}

async function head(client: KurrentClient, streamId: string): Promise<Head> {
  const last = await lastEvent(client, streamId);
  return last ? { version: last.streamPosition, hash: last.hash } : { version: 0, hash: null };
}

function toRequest(append: StreamAppend, at: Head, key: string | undefined): AppendStreamRequest {
  let prev = at.hash;
  const events: EventData[] = append.events.map((event, index) => {
    const position = at.version + index + 1;
    const metadata = storedMetadata(event, key);
    const digest = sha256Hex(
      contentFromCanonical(
        append.streamId,
        event.type,
        event.schemaVersion,
        canonicalJson(event.data),
        canonicalJson(metadata),
      ),
    );
    const hash = chainLink(prev, position, digest);
    const data: EventData = {
      id: key === undefined ? randomUUID() : deterministicEventId(key, append.streamId, index),
      contentType: 'application/json',
      type: event.type,
      data: JSON.parse(canonicalJson(event.data)) as Record<string, unknown>,
      metadata: encodeMetadata(metadata, event.schemaVersion, hash, prev),
    };
    prev = hash;
    return data;
  });
  return { streamName: append.streamId, events, expectedState: at.version === 0 ? NO_STREAM : BigInt(at.version - 1) };
}

function markerRequest(key: string, appends: StreamAppend[], heads: Head[]): AppendStreamRequest {
  const data: MarkerData = {
    key,
    streams: appends.map((a, i) => {
      const from = (heads[i]?.version ?? 0) + 1;
      return { streamId: a.streamId, from, to: from + a.events.length - 1 };
    }),
  };
  const marker: EventData = {
    id: deterministicEventId(key, '_es-idempotency', 0),
    contentType: 'application/json',
    type: 'IdempotencyKeyUsed',
    data,
    metadata: undefined,
  };
  return { streamName: idempotencyStream(key), events: [marker], expectedState: NO_STREAM };
}

async function originalResults(client: KurrentClient, key: string): Promise<AppendResult[] | undefined> {
  const [marker] = await readStream(client, idempotencyStream(key), { toVersion: 1 });
  if (!marker) return undefined;
  const data = marker.data as unknown as MarkerData;
  return Promise.all(
    data.streams.map(async (s) => ({
      streamId: s.streamId,
      nextExpectedVersion: s.to,
      events: s.to >= s.from ? await readStream(client, s.streamId, { fromVersion: s.from, toVersion: s.to }) : [],
      duplicate: true,
    })),
  );
}
