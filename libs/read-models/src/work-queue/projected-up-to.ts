import type { Queryable } from '@app/event-store';

const POLL_MS = 25;

/**
 * Waits (at most `timeoutMs`) until the dossier's row in the read models has taken in the event at `globalPosition`
 * — read-your-writes for a screen that heard of the event from the live stream, which tells of it as soon as the log
 * has it, while the projector writes the row a moment later. True once it has; false at the time limit (the caller
 * then answers what the read models hold: never an error, at worst a moment behind).
 */
export async function projectedUpTo(
  db: Queryable,
  dossierId: string,
  globalPosition: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ p: string }>({
      text: 'SELECT last_global_position::text AS p FROM read_models.dossiers WHERE dossier_id = $1',
      values: [dossierId],
    });
    if (rows[0] && Number(rows[0].p) >= globalPosition) return true;
    if (Date.now() + POLL_MS > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
