import type { StoredDossier } from '../projection/dossier-projection';

/**
 * The records a rebuild prepared last, so that the next batch is prepared from memory while the previous one is
 * still being written (a dossier's events are days apart in the log, so recent dossiers are the ones touched
 * again). Least recently changed first out.
 */
export class RecordCache {
  private readonly records = new Map<string, StoredDossier>();

  constructor(private readonly capacity: number) {}

  get(id: string): StoredDossier | undefined {
    return this.records.get(id);
  }

  update(changed: readonly StoredDossier[]): void {
    for (const dossier of changed) {
      this.records.delete(dossier.dossierId);
      this.records.set(dossier.dossierId, dossier);
    }
    for (const id of this.records.keys()) {
      if (this.records.size <= this.capacity) break;
      this.records.delete(id);
    }
  }
}
