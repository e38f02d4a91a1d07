import type { Checkpoint } from '@app/event-store';

/**
 * A generation is one complete set of read-model tables (`read_models.<table>_g<id>`). Exactly one is `active`
 * (the views `read_models.<table>` point at it and the live projector writes it); a rebuild fills a `building`
 * one from the start of the log and switches over when it has caught up; the old one becomes `retired`, then
 * its tables are dropped (`dropped`).
 */
export type GenerationStatus = 'building' | 'active' | 'retired' | 'dropped';

export interface Generation {
  id: number;
  status: GenerationStatus;
  /** Last event applied (exclusive resume point), written in the same transaction as the rows. */
  checkpoint: Checkpoint;
  eventsProjected: number;
  startedAt: Date;
  caughtUpAt: Date | null;
  activatedAt: Date | null;
}

/** The generation a writer was writing is no longer the one it expected (switched over, or dropped). */
export class GenerationChangedError extends Error {
  constructor(
    readonly generation: number,
    readonly status: GenerationStatus | 'missing',
  ) {
    super(`Read-model generation ${generation} is ${status}.`);
    this.name = 'GenerationChangedError';
  }
}

/** A batch would leave a hole: its first event lies after the generation's stored checkpoint. */
export class CheckpointGapError extends Error {
  constructor(generation: number, stored: Checkpoint, batchFrom: Checkpoint) {
    super(
      `Read-model generation ${generation} is at (${stored.transactionId}, ${stored.globalPosition}) but the batch starts after ` +
        `(${batchFrom.transactionId}, ${batchFrom.globalPosition}).`,
    );
    this.name = 'CheckpointGapError';
  }
}

/** Fully qualified name of a generation's table; `id` is an integer, so the name is safe to splice. */
export function generationTable(table: ReadModelTable, id: number): string {
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`Not a generation id: ${id}`);
  return `read_models.${table}_g${id}`;
}

export const READ_MODEL_TABLES = ['dossiers', 'unit_counters', 'unit_procedure_counters'] as const;
export type ReadModelTable = (typeof READ_MODEL_TABLES)[number];
