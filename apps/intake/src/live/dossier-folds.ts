import { type DossierState, dossierIdOf } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { DOSSIER_FOLD } from '../dossiers/dossier-stream';
import { unitsAfter } from './live-scope';

/** A dossier as it stood right after one of its events: its state and every unit it belongs to by then. */
export interface DossierAt {
  version: number;
  state: DossierState;
  units: ReadonlySet<string>;
}

/** Reads a dossier's stream up to a position (inclusive). */
export type StreamLoader = (streamId: string, toVersion: number) => Promise<RecordedEvent[]>;

const NO_UNITS: ReadonlySet<string> = new Set();

/**
 * Dossiers as the events stream by: each event moves its dossier one step on (the decider's own fold), so the
 * stream is read only for a dossier not met yet (or not met since it was evicted) — and then only up to that event,
 * so the state is always the one right after it. At most `maxDossiers` are kept, the least recently seen leave first.
 */
export class DossierFolds {
  private readonly entries = new Map<string, DossierAt>();

  constructor(
    private readonly load: StreamLoader,
    private readonly maxDossiers = 10_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The dossier right after `event`; undefined for an event of another stream. */
  async after(event: RecordedEvent): Promise<DossierAt | undefined> {
    const dossierId = dossierIdOf(event.streamId);
    if (dossierId === null) return undefined;
    const known = this.entries.get(dossierId);
    let at: DossierAt;
    if (known?.version === event.streamPosition) at = known;
    else if (known?.version === event.streamPosition - 1) at = step(known, event);
    else at = fold(await this.load(event.streamId, event.streamPosition));
    this.remember(dossierId, at);
    return at;
  }

  private remember(dossierId: string, at: DossierAt): void {
    this.entries.delete(dossierId);
    this.entries.set(dossierId, at);
    if (this.entries.size > this.maxDossiers) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

function step(at: DossierAt, event: RecordedEvent): DossierAt {
  const state = DOSSIER_FOLD.evolve(at.state, event);
  return { version: event.streamPosition, state, units: unitsAfter(at.units, state) };
}

function fold(events: RecordedEvent[]): DossierAt {
  let at: DossierAt = { version: 0, state: DOSSIER_FOLD.initialState, units: NO_UNITS };
  for (const event of events) at = step(at, event);
  return at;
}
