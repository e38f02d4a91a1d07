import type { Pool, PoolClient } from 'pg';
import type { SealedApplicantData } from '@app/domain';
import type { NotificationContent } from '../templates/message';
import type { DeliveryChannelName } from './delivery-channel';

/** A pending notification, claimed (row-locked) by the transaction that sends it. */
export interface ClaimedNotification {
  id: string;
  eventId: string;
  channel: DeliveryChannelName;
  kind: string;
  dossierId: string;
  content: NotificationContent;
  attempts: number;
  recordedAt: Date;
  /** The dossier's applicant as sealed in the log (the latest correction), null when none. */
  applicant: SealedApplicantData | null;
}

/**
 * Claims the next due notification, skipping rows another sender holds (two notifiers share the work without
 * sending anything twice), and any whose dossier still has an earlier step pending on the same channel (a dossier's
 * messages arrive in order). The lock lasts until the caller's transaction ends; a sender that dies releases it.
 */
export async function claimNext(client: PoolClient): Promise<ClaimedNotification | undefined> {
  const { rows } = await client.query<{
    id: string;
    event_id: string;
    channel: DeliveryChannelName;
    kind: string;
    dossier_id: string;
    content: NotificationContent;
    attempts: number;
    recorded_at: Date;
    applicant: SealedApplicantData | null;
  }>({
    name: 'notifier_claim',
    text: `SELECT n.id, n.event_id, n.channel, n.kind, n.dossier_id, n.content, n.attempts, n.recorded_at, d.applicant
             FROM notifier.notifications n
             LEFT JOIN notifier.dossiers d ON d.dossier_id = n.dossier_id
            WHERE n.status = 'pending' AND n.next_attempt_at <= now()
              AND NOT EXISTS (SELECT 1 FROM notifier.notifications p
                               WHERE p.status = 'pending' AND p.dossier_id = n.dossier_id
                                 AND p.channel = n.channel AND p.position < n.position)
            ORDER BY n.next_attempt_at
            LIMIT 1
            FOR UPDATE OF n SKIP LOCKED`,
  });
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    eventId: r.event_id,
    channel: r.channel,
    kind: r.kind,
    dossierId: r.dossier_id,
    content: r.content,
    attempts: r.attempts,
    recordedAt: r.recorded_at,
    applicant: r.applicant,
  };
}

export type Done = { status: 'sent' } | { status: 'skipped'; reason: string } | { status: 'dead'; error: string };

/** Sent, skipped (nobody to reach) or dead-lettered: the notification leaves the queue for good. */
export async function markDone(client: PoolClient, id: string, attempts: number, done: Done): Promise<void> {
  await client.query({
    name: 'notifier_done',
    text: `UPDATE notifier.notifications
              SET status = $2, attempts = $3, skip_reason = $4, last_error = COALESCE($5, last_error), done_at = now()
            WHERE id = $1`,
    values: [
      id,
      done.status,
      attempts,
      done.status === 'skipped' ? done.reason : null,
      done.status === 'dead' ? done.error : null,
    ],
  });
}

/** A failed try: the next one after `delayMs`. */
export async function markRetry(
  client: PoolClient,
  id: string,
  attempts: number,
  delayMs: number,
  error: string,
): Promise<void> {
  await client.query({
    name: 'notifier_retry',
    text: `UPDATE notifier.notifications
              SET attempts = $2, last_error = $3, next_attempt_at = now() + $4 * interval '1 millisecond'
            WHERE id = $1`,
    values: [id, attempts, error, delayMs],
  });
}

/** Notifications waiting to be sent (due or backing off) and dead-lettered ones, over every notifier process. */
export async function queueCounts(pool: Pool): Promise<{ pending: number; dead: number }> {
  const { rows } = await pool.query<{ pending: string; dead: string }>(
    `SELECT (SELECT count(*) FROM notifier.notifications WHERE status = 'pending') AS pending,
            (SELECT count(*) FROM notifier.notifications WHERE status = 'dead') AS dead`,
  );
  return { pending: Number(rows[0]?.pending ?? 0), dead: Number(rows[0]?.dead ?? 0) };
}
