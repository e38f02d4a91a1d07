import { dossierIdOf } from '@app/domain';
import type { EventPayload, EventStore } from '@app/event-store';

/** A page of the log cut into the K partitions' shares (each in log order), with the units newly assigned to each. */
export interface RoutedPage {
  shares: EventPayload[][];
  newUnits: string[][];
}

/** Dossiers remembered by id (about 100 bytes each); older ones are looked up again in the log if they come back. */
const REMEMBERED = 2_000_000;

/**
 * Sends every event of a dossier to the partition of the unit that received it (the unit named by its receipt, the
 * stream's first event): all of a dossier's events to one worker, in log order, and the counters of a unit written
 * by one worker (a correction that changes the receiving unit is the one exception, see writePartitionBatch). A
 * transfer changes the dossier's current unit, not its partition. A unit is assigned, when its first receipt is
 * met, to the partition that has received the fewest events so far; the assignment is stored with the partition's
 * checkpoint, so a resumed rebuild routes as the interrupted one did (see plan() for a fresh one). Events of other streams (accounts, reference
 * data, refused receipts) are no read model's: they go to a partition by a hash of their stream id, only so that
 * each partition's checkpoint covers them.
 */
export class UnitRouter {
  private readonly units = new Map<string, number>();
  private readonly dossiers = new Map<string, number>();
  private readonly loads: number[];
  /** Units shared out by plan() but not yet met (an assignment is stored with the first events it routes). */
  private readonly planned = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    partitions: readonly { units: readonly string[]; eventsProjected: number }[],
  ) {
    this.loads = partitions.map((p) => p.eventsProjected);
    partitions.forEach((p, k) => p.units.forEach((unit) => this.units.set(unit, k)));
  }

  /**
   * Shares out the units received in a sample of the log's beginning (a fresh rebuild's first pages) before routing
   * anything: the units by descending count of receipts, each to the partition with the fewest so far (longest
   * processing time first), so that a large unit met early does not leave a partition with more than its share.
   */
  plan(sample: readonly EventPayload[]): void {
    if (this.units.size > 0) return;
    const receipts = new Map<string, number>();
    for (const event of sample) {
      const unit = receiptUnit(event);
      if (unit !== null) receipts.set(unit, (receipts.get(unit) ?? 0) + 1);
    }
    const loads = this.loads.map(() => 0);
    for (const [unit, count] of [...receipts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      const least = loads.indexOf(Math.min(...loads));
      loads[least] = (loads[least] as number) + count;
      this.planned.set(unit, least);
    }
  }

  get partitions(): number {
    return this.loads.length;
  }

  /** The partitions' shares of a page; dossiers whose receipt is not remembered are looked up in the log first. */
  async route(events: readonly EventPayload[]): Promise<RoutedPage> {
    const newUnits: string[][] = this.loads.map(() => []);
    const unknown = new Set<string>();
    const received = new Set<string>();
    for (const event of events) {
      const id = dossierIdOf(event.streamId);
      if (id === null) continue;
      if (event.streamPosition === 1) received.add(id);
      else if (!this.dossiers.has(id) && !received.has(id)) unknown.add(event.streamId);
    }
    await this.lookUp([...unknown], newUnits);
    const shares: EventPayload[][] = this.loads.map(() => []);
    for (const event of events) {
      const id = dossierIdOf(event.streamId);
      let k: number;
      if (id === null) k = hashOf(event.streamId) % this.partitions;
      else {
        const known = this.dossiers.get(id);
        k = known ?? this.remember(id, receiptUnit(event), event.streamId, newUnits);
      }
      (shares[k] as EventPayload[]).push(event);
      this.loads[k] = (this.loads[k] as number) + 1;
    }
    return { shares, newUnits };
  }

  private async lookUp(streams: readonly string[], newUnits: string[][]): Promise<void> {
    for (let i = 0; i < streams.length; i += 32) {
      const chunk = streams.slice(i, i + 32);
      const firsts = await Promise.all(chunk.map((s) => this.store.readStream(s, { fromVersion: 1, toVersion: 1 })));
      chunk.forEach((streamId, j) => {
        const first = firsts[j]?.[0];
        this.remember(dossierIdOf(streamId) as string, first ? receiptUnit(first) : null, streamId, newUnits);
      });
    }
  }

  private remember(id: string, unit: string | null, streamId: string, newUnits: string[][]): number {
    const k = unit === null ? hashOf(streamId) % this.partitions : this.unitPartition(unit, newUnits);
    if (this.dossiers.size >= REMEMBERED) {
      let drop = REMEMBERED / 10;
      for (const old of this.dossiers.keys()) {
        this.dossiers.delete(old);
        if (--drop === 0) break;
      }
    }
    this.dossiers.set(id, k);
    return k;
  }

  private unitPartition(unit: string, newUnits: string[][]): number {
    const assigned = this.units.get(unit);
    if (assigned !== undefined) return assigned;
    const planned = this.planned.get(unit);
    if (planned !== undefined) {
      this.units.set(unit, planned);
      (newUnits[planned] as string[]).push(unit);
      return planned;
    }
    let least = 0;
    this.loads.forEach((load, k) => {
      if (load < (this.loads[least] as number)) least = k;
    });
    this.units.set(unit, least);
    (newUnits[least] as string[]).push(unit);
    return least;
  }
}

/** The receiving unit a dossier's first event names (its receipt); null if it is not a readable receipt. */
function receiptUnit(event: Pick<EventPayload, 'type' | 'streamPosition' | 'data'>): string | null {
  if (event.type !== 'DossierReceived' || event.streamPosition !== 1) return null;
  const unit = (event.data as { receivingUnitId?: unknown }).receivingUnitId;
  return typeof unit === 'string' && unit !== '' ? unit : null;
}

/** FNV-1a of a string: a stable spread that does not depend on the process. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
