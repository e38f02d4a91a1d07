import type { Pool } from 'pg';
import { type Checkpoint, type Queryable } from '@app/event-store';
import { inTransaction } from '@app/platform/pg';
import { type Generation, GenerationChangedError, type GenerationStatus } from './generation';

interface GenerationRow {
  id: number;
  status: GenerationStatus;
  transaction_id: string;
  global_position: string;
  events_projected: string;
  started_at: Date;
  caught_up_at: Date | null;
  activated_at: Date | null;
}

const COLUMNS = `id, status, transaction_id::text AS transaction_id, global_position::text AS global_position,
  events_projected::text AS events_projected, started_at, caught_up_at, activated_at`;

function toGeneration(row: GenerationRow): Generation {
  return {
    id: row.id,
    status: row.status,
    checkpoint: { transactionId: row.transaction_id, globalPosition: Number(row.global_position) },
    eventsProjected: Number(row.events_projected),
    startedAt: row.started_at,
    caughtUpAt: row.caught_up_at,
    activatedAt: row.activated_at,
  };
}

/** The generation readers see (the views point at it) and the live projector writes. */
export async function activeGeneration(db: Queryable): Promise<Generation> {
  const { rows } = await db.query<GenerationRow>({
    text: `SELECT ${COLUMNS} FROM read_models.generations WHERE status = 'active'`,
  });
  const row = rows[0];
  if (!row) throw new Error('No active read-model generation: run the migrations (read-models/001).');
  return toGeneration(row);
}

export async function generationById(db: Queryable, id: number): Promise<Generation> {
  const { rows } = await db.query<GenerationRow>({
    text: `SELECT ${COLUMNS} FROM read_models.generations WHERE id = $1`,
    values: [id],
  });
  if (!rows[0]) throw new GenerationChangedError(id, 'missing');
  return toGeneration(rows[0]);
}

/** The generation a rebuild is filling, if one was started (and perhaps interrupted). */
export async function buildingGeneration(db: Queryable): Promise<Generation | null> {
  const { rows } = await db.query<GenerationRow>({
    text: `SELECT ${COLUMNS} FROM read_models.generations WHERE status = 'building'`,
  });
  return rows[0] ? toGeneration(rows[0]) : null;
}

export async function listGenerations(db: Queryable): Promise<Generation[]> {
  const { rows } = await db.query<GenerationRow>({
    text: `SELECT ${COLUMNS} FROM read_models.generations ORDER BY id`,
  });
  return rows.map(toGeneration);
}

/** Creates the tables of a new, empty `building` generation (without its secondary indexes). */
export async function createBuildingGeneration(db: Queryable): Promise<Generation> {
  const { rows } = await db.query<{ id: number }>({ text: 'SELECT read_models.create_generation() AS id' });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('read_models.create_generation() returned nothing');
  return generationById(db, id);
}

/**
 * Locks the generation's row until the end of the caller's transaction and returns it. Every batch takes this
 * lock, so writers of one generation are serialised and a switch-over waits for the batch in flight.
 */
export async function lockGeneration(db: Queryable, id: number): Promise<Generation> {
  const { rows } = await db.query<GenerationRow>({
    name: 'read_models_lock_generation',
    text: `SELECT ${COLUMNS} FROM read_models.generations WHERE id = $1 FOR UPDATE`,
    values: [id],
  });
  if (!rows[0]) throw new GenerationChangedError(id, 'missing');
  return toGeneration(rows[0]);
}

export async function saveGenerationCheckpoint(
  db: Queryable,
  id: number,
  checkpoint: Checkpoint,
  applied: number,
): Promise<void> {
  await db.query({
    name: 'read_models_save_checkpoint',
    text: `UPDATE read_models.generations
           SET transaction_id = $2::xid8, global_position = $3, events_projected = events_projected + $4, updated_at = now()
           WHERE id = $1`,
    values: [id, checkpoint.transactionId, checkpoint.globalPosition, applied],
  });
}

/** Builds the secondary indexes of a generation (a rebuild adds them after the bulk of the load). */
export async function indexGeneration(db: Queryable, id: number): Promise<void> {
  await db.query({ text: 'SELECT read_models.index_generation($1)', values: [id] });
}

/**
 * Switch-over, inside the caller's transaction (which holds both generation rows locked): the building generation
 * becomes active and the views point at it; the previously active one is retired.
 */
export async function activateGeneration(db: Queryable, id: number): Promise<void> {
  await db.query({ text: 'SELECT read_models.activate_generation($1)', values: [id] });
}

/**
 * Drops the tables of retired generations; returns their ids. A generation still read by a long query is left
 * retired (the drop gives up after the lock timeout) and dropped by the next call.
 */
export async function dropRetiredGenerations(pool: Pool, lockTimeout = '5s'): Promise<number[]> {
  const { rows } = await pool.query<{ id: number }>(
    `SELECT id FROM read_models.generations WHERE status = 'retired' ORDER BY id`,
  );
  const dropped: number[] = [];
  for (const { id } of rows) {
    const done = await inTransaction(pool, async (client) => {
      await client.query(`SET LOCAL lock_timeout = '${lockTimeout.replace(/[^0-9a-z]/g, '')}'`);
      await client.query('SELECT read_models.drop_generation($1)', [id]);
    }).then(
      () => true,
      () => false,
    );
    if (done) dropped.push(id);
  }
  return dropped;
}

/** Discards an unfinished rebuild (its tables are dropped). */
export async function discardBuildingGeneration(db: Queryable): Promise<number | null> {
  const building = await buildingGeneration(db);
  if (!building) return null;
  await db.query({ text: 'SELECT read_models.drop_generation($1)', values: [building.id] });
  return building.id;
}
