import type { Pool } from 'pg';
import { type Checkpoint, type Queryable, compareCheckpoints } from '@app/event-store';
import { inTransaction } from '@app/platform/pg';
import { CheckpointGapError, GenerationChangedError, type GenerationStatus } from '../../generations/generation';
import { lockGeneration } from '../../generations/generation-repository';

/** Where one worker of a partitioned rebuild stands (read_models.rebuild_partitions, read-models/006). */
export interface PartitionState {
  partition: number;
  partitions: number;
  checkpoint: Checkpoint;
  eventsProjected: number;
  /** The receiving units whose dossiers this partition owns. */
  units: string[];
}

/** A building generation left by a partitioned rebuild with another number of workers. */
export class PartitionCountMismatchError extends Error {
  constructor(
    readonly generation: number,
    readonly stored: number,
    readonly requested: number,
  ) {
    super(
      `Read-model generation ${generation} is being rebuilt by ${stored} workers: resume it with --workers ${stored}, or start over with --restart.`,
    );
    this.name = 'PartitionCountMismatchError';
  }
}

interface PartitionRow {
  partition: number;
  partitions: number;
  transaction_id: string;
  global_position: string;
  events_projected: string;
  units: string[];
}

const COLUMNS = `partition, partitions, transaction_id::text AS transaction_id, global_position::text AS global_position,
  events_projected::text AS events_projected, units`;

function toState(row: PartitionRow): PartitionState {
  return {
    partition: row.partition,
    partitions: row.partitions,
    checkpoint: { transactionId: row.transaction_id, globalPosition: Number(row.global_position) },
    eventsProjected: Number(row.events_projected),
    units: row.units,
  };
}

/**
 * The generation's K partitions: those an interrupted run left (their checkpoints kept), or K new ones at the
 * generation's own checkpoint. Refuses a different K (the units were shared among the stored workers).
 */
export async function openPartitions(
  pool: Pool,
  generation: number,
  partitions: number,
  from: Checkpoint,
): Promise<PartitionState[]> {
  return inTransaction(pool, async (client) => {
    await lockGeneration(client, generation);
    const { rows } = await client.query<PartitionRow>(
      `SELECT ${COLUMNS} FROM read_models.rebuild_partitions WHERE generation_id = $1 ORDER BY partition`,
      [generation],
    );
    const stored = rows[0]?.partitions;
    if (stored !== undefined && stored !== partitions)
      throw new PartitionCountMismatchError(generation, stored, partitions);
    if (rows.length > 0) return rows.map(toState);
    const created = await client.query<PartitionRow>(
      `INSERT INTO read_models.rebuild_partitions (generation_id, partition, partitions, transaction_id, global_position)
       SELECT $1, k, $2, $3::xid8, $4 FROM generate_series(0, $2 - 1) AS k RETURNING ${COLUMNS}`,
      [generation, partitions, from.transactionId, from.globalPosition],
    );
    return created.rows.map(toState).sort((a, b) => a.partition - b.partition);
  });
}

/** How many workers the generation's unfinished partitioned fill had (null: none). */
export async function storedPartitionCount(db: Queryable, generation: number): Promise<number | null> {
  const { rows } = await db.query<{ partitions: number }>({
    text: 'SELECT partitions FROM read_models.rebuild_partitions WHERE generation_id = $1 LIMIT 1',
    values: [generation],
  });
  return rows[0]?.partitions ?? null;
}

/**
 * Inside a partition's batch transaction: the generation must still be building (shared lock: the K writers do not
 * wait for each other, a switch-over or drop waits for them) and the partition exactly where the batch was prepared
 * (its row locked: one writer per partition).
 */
export async function lockPartition(
  db: Queryable,
  generation: number,
  partition: number,
  after: Checkpoint,
): Promise<void> {
  const { rows: generations } = await db.query<{ status: string }>({
    name: 'read_models_share_generation',
    text: 'SELECT status FROM read_models.generations WHERE id = $1 FOR SHARE',
    values: [generation],
  });
  const status = generations[0]?.status;
  if (status !== 'building')
    throw new GenerationChangedError(generation, (status ?? 'missing') as GenerationStatus | 'missing');
  const { rows } = await db.query<PartitionRow>({
    name: 'read_models_lock_partition',
    text: `SELECT ${COLUMNS} FROM read_models.rebuild_partitions WHERE generation_id = $1 AND partition = $2 FOR UPDATE`,
    values: [generation, partition],
  });
  const row = rows[0];
  if (!row) throw new GenerationChangedError(generation, 'missing');
  const stored = toState(row).checkpoint;
  if (compareCheckpoints(stored, after) !== 0) throw new CheckpointGapError(generation, stored, after);
}

export async function savePartitionCheckpoint(
  db: Queryable,
  generation: number,
  partition: number,
  checkpoint: Checkpoint,
  applied: number,
  newUnits: readonly string[],
): Promise<void> {
  await db.query({
    name: 'read_models_save_partition',
    text: `UPDATE read_models.rebuild_partitions
           SET transaction_id = $3::xid8, global_position = $4, events_projected = events_projected + $5,
               units = units || $6::text[], updated_at = now()
           WHERE generation_id = $1 AND partition = $2`,
    values: [generation, partition, checkpoint.transactionId, checkpoint.globalPosition, applied, newUnits],
  });
}

/**
 * Every partition has applied the log up to `end`: the generation's checkpoint moves there, its count grows by the
 * partitions' events, and the partitions are forgotten (one transaction). Returns the events the partitions applied.
 */
export async function closePartitions(pool: Pool, generation: number, end: Checkpoint): Promise<number> {
  return inTransaction(pool, async (client) => {
    await lockGeneration(client, generation);
    const { rows } = await client.query<PartitionRow>(
      `SELECT ${COLUMNS} FROM read_models.rebuild_partitions WHERE generation_id = $1 FOR UPDATE`,
      [generation],
    );
    const states = rows.map(toState);
    const behind = states.find((s) => compareCheckpoints(s.checkpoint, end) !== 0);
    if (behind) throw new CheckpointGapError(generation, behind.checkpoint, end);
    const events = states.reduce((sum, s) => sum + s.eventsProjected, 0);
    await client.query(
      `UPDATE read_models.generations
       SET transaction_id = $2::xid8, global_position = $3, events_projected = events_projected + $4, updated_at = now()
       WHERE id = $1`,
      [generation, end.transactionId, end.globalPosition, events],
    );
    await client.query('DELETE FROM read_models.rebuild_partitions WHERE generation_id = $1', [generation]);
    return events;
  });
}
