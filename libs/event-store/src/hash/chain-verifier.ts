import type { ChainProblem, ChainProblemKind, VerificationReport } from '../event-store.port';
import { eventHash, type HashedFields } from './event-hash';

export interface ChainEvent extends HashedFields {
  streamPosition: number;
  hash: string;
  prevHash: string | null;
}

/** What the store believes a stream's head is (PostgreSQL: the streams row). */
export interface StreamHead {
  version: number;
  lastHash: string | null;
}

/** Finds the position of the event of `streamId` whose hash is `hash` (to tell a reorder from a forgery). */
export type LocateHash = (streamId: string, hash: string) => Promise<number | null>;

interface StreamState {
  streamId: string;
  expected: number;
  prevHash: string | null;
  head?: StreamHead;
  broken: boolean;
}

/**
 * Walks hash chains fed in (stream id, stream position) order, one stream after another, keeping only the current
 * stream in memory. Reports the first broken link of each stream:
 * - missing:       a position is skipped (event deleted), or the head says the stream is longer than its events;
 * - altered:       the event's content no longer gives its recorded hash (data, metadata, type... changed);
 * - reordered:     the event links to an earlier event that is not its predecessor (positions swapped);
 * - hash_mismatch: the recorded link does not match the predecessor's hash and points nowhere in the stream, or
 *                  the head's last hash differs from the last event's (a hash rewritten).
 */
export class ChainVerifier {
  private current?: StreamState;
  private readonly problems: ChainProblem[] = [];
  private streams = 0;
  private events = 0;

  /**
   * `intact` tells whether an event's content still gives its hash: by default recomputed from the parsed data and
   * metadata (eventHash); the PostgreSQL adapter hands the stored texts and checks them as `verify` does (stored-event.ts).
   */
  constructor(
    private readonly locate: LocateHash,
    private readonly intact: (event: ChainEvent) => boolean = (event) => eventHash(event) === event.hash,
  ) {}

  async add(event: ChainEvent, head?: StreamHead): Promise<void> {
    if (this.current?.streamId !== event.streamId) {
      this.closeStream();
      this.current = { streamId: event.streamId, expected: 1, prevHash: null, head, broken: false };
      this.streams += 1;
    }
    this.events += 1;
    const state = this.current;
    if (state.broken) return;
    const position = event.streamPosition;
    if (position !== state.expected) {
      this.fail(
        state,
        state.expected,
        'missing',
        `position ${state.expected} is absent; the next event found is at ${position}`,
      );
    } else if (event.prevHash !== state.prevHash) {
      const linked = event.prevHash === null ? null : await this.locate(event.streamId, event.prevHash);
      if (linked !== null && linked !== position - 1) {
        this.fail(
          state,
          position,
          'reordered',
          `the event links to position ${linked}, not to position ${position - 1}`,
        );
      } else {
        this.fail(
          state,
          position,
          'hash_mismatch',
          `prev_hash ${short(event.prevHash)} is not the hash of position ${position - 1} (${short(state.prevHash)})`,
        );
      }
    } else if (!this.intact(event)) {
      this.fail(state, position, 'altered', `the content no longer gives the recorded hash ${short(event.hash)}`);
    }
    state.expected = position + 1;
    state.prevHash = event.hash;
  }

  /** A stream the head table knows but that has no event at all. */
  streamWithoutEvents(streamId: string, head: StreamHead): void {
    this.closeStream();
    this.streams += 1;
    if (head.version > 0)
      this.problems.push({
        streamId,
        streamPosition: 1,
        kind: 'missing',
        detail: `the stream is at version ${head.version} but has no events`,
      });
  }

  finish(): VerificationReport {
    this.closeStream();
    this.problems.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    return {
      ok: this.problems.length === 0,
      streamsChecked: this.streams,
      eventsChecked: this.events,
      problems: this.problems,
    };
  }

  private closeStream(): void {
    const state = this.current;
    this.current = undefined;
    if (!state || state.broken || !state.head) return;
    const last = state.expected - 1;
    if (state.head.version > last) {
      this.fail(
        state,
        last + 1,
        'missing',
        `the stream is at version ${state.head.version} but its events end at ${last}`,
      );
    } else if (state.head.version < last) {
      this.fail(
        state,
        state.head.version + 1,
        'hash_mismatch',
        `events go on after the stream's version ${state.head.version}`,
      );
    } else if (state.head.lastHash !== state.prevHash) {
      this.fail(
        state,
        last,
        'hash_mismatch',
        `the stream head's hash ${short(state.head.lastHash)} is not the last event's ${short(state.prevHash)}`,
      );
    }
  }

  private fail(state: StreamState, streamPosition: number, kind: ChainProblemKind, detail: string): void {
    state.broken = true;
    this.problems.push({ streamId: state.streamId, streamPosition, kind, detail });
  }
}

function short(hash: string | null | undefined): string {
  return hash ? `${hash.slice(0, 12)}…` : 'none';
}
