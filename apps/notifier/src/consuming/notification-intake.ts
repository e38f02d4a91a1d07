import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@app/event-store';
import type { DeliveryChannelName } from '../sending/delivery-channel';
import { type DossierFacts, planNotifications } from './plan';

export interface IntakeOutcome {
  /** Notification rows written (one per step and channel). */
  planned: number;
  /** Steps recorded too long ago to tell anyone (a group replaying old history). */
  stale: number;
}

/** `<stream id>.<stream position>`: the event's id in notification ids and Message-IDs (nothing personal). */
export const eventIdOf = (e: Pick<RecordedEvent, 'streamId' | 'streamPosition'>): string =>
  `${e.streamId}.${e.streamPosition}`;

/**
 * The consumer's handler, run inside the dedupe transaction of `ProcessedEvents` (so with it or not at all): keeps
 * each dossier's facts and writes one pending notification per step and channel that is on. Nothing is sent here —
 * the sender loop does that after the commit — so a redelivered batch (skipped by the dedupe) sends nothing twice,
 * and a batch that fails leaves nothing behind. Ids are deterministic: a row written twice is written once.
 */
export async function recordNotifications(
  client: PoolClient,
  events: readonly RecordedEvent[],
  options: { channels: readonly DeliveryChannelName[]; maxAgeMs: number; now?: number },
): Promise<IntakeOutcome> {
  const dossierIds = [...new Set(events.map((e) => e.streamId).filter((s) => s.startsWith('dossier-')))].map((s) =>
    s.slice('dossier-'.length),
  );
  if (dossierIds.length === 0) return { planned: 0, stale: 0 };
  const facts = await loadFacts(client, dossierIds);
  const changed = new Set<string>();
  const rows: {
    id: string;
    eventId: string;
    channel: string;
    kind: string;
    dossierId: string;
    position: number;
    content: string;
    recordedAt: string;
  }[] = [];
  let stale = 0;
  const now = options.now ?? Date.now();
  for (const event of events) {
    const dossierId = event.streamId.slice('dossier-'.length);
    const plan = planNotifications(event, facts.get(dossierId));
    if (plan.facts) {
      facts.set(plan.facts.dossierId, plan.facts);
      changed.add(plan.facts.dossierId);
    }
    if (plan.notify.length === 0) continue;
    if (now - event.recordedAt.getTime() > options.maxAgeMs) {
      stale += plan.notify.length;
      continue;
    }
    const eventId = eventIdOf(event);
    for (const content of plan.notify)
      for (const channel of options.channels)
        rows.push({
          id: `${eventId}.${channel}`,
          eventId,
          channel,
          kind: content.kind,
          dossierId,
          position: event.streamPosition,
          content: JSON.stringify(content),
          recordedAt: event.recordedAt.toISOString(),
        });
  }
  if (changed.size > 0)
    await saveFacts(
      client,
      [...changed].map((id) => facts.get(id) as DossierFacts),
    );
  if (rows.length > 0)
    await client.query({
      name: 'notifier_insert_notifications',
      text: `INSERT INTO notifier.notifications (id, event_id, channel, kind, dossier_id, position, content, recorded_at)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::jsonb[],
                                  $8::timestamptz[])
             ON CONFLICT (id) DO NOTHING`,
      values: [
        rows.map((r) => r.id),
        rows.map((r) => r.eventId),
        rows.map((r) => r.channel),
        rows.map((r) => r.kind),
        rows.map((r) => r.dossierId),
        rows.map((r) => r.position),
        rows.map((r) => r.content),
        rows.map((r) => r.recordedAt),
      ],
    });
  return { planned: rows.length, stale };
}

async function loadFacts(client: PoolClient, dossierIds: string[]): Promise<Map<string, DossierFacts>> {
  const { rows } = await client.query<{
    dossier_id: string;
    code: string;
    applicant: DossierFacts['applicant'];
    due_date: string | null;
  }>({
    name: 'notifier_load_dossiers',
    text: `SELECT dossier_id, code, applicant, to_char(due_date, 'YYYY-MM-DD') AS due_date
             FROM notifier.dossiers WHERE dossier_id = ANY($1::text[])`,
    values: [dossierIds],
  });
  return new Map(
    rows.map((r) => [
      r.dossier_id,
      { dossierId: r.dossier_id, code: r.code, applicant: r.applicant, dueDate: r.due_date },
    ]),
  );
}

async function saveFacts(client: PoolClient, facts: DossierFacts[]): Promise<void> {
  await client.query({
    name: 'notifier_save_dossiers',
    text: `INSERT INTO notifier.dossiers AS d (dossier_id, code, applicant, due_date)
           SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::date[])
           ON CONFLICT (dossier_id) DO UPDATE
           SET code = EXCLUDED.code, applicant = EXCLUDED.applicant, due_date = EXCLUDED.due_date, updated_at = now()`,
    values: [
      facts.map((f) => f.dossierId),
      facts.map((f) => f.code),
      facts.map((f) => (f.applicant ? JSON.stringify(f.applicant) : null)),
      facts.map((f) => f.dueDate),
    ],
  });
}
