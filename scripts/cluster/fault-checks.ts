import type { RecordedEvent } from '@app/event-store';
import { compareWithStore } from '../../test/kafka/support/log-assertions';
import type { SunkMessage } from './mail-log';

/** A receipt the clients got a 201 (or its repeat's 200) for: its Idempotency-Key and the dossier it named. */
export interface Acknowledged {
  key: string;
  dossierId: string;
  /** Sent with an applicant's e-mail address: the applicant must get one "received" message. */
  email: boolean;
}

/**
 * Every acknowledged receipt exists exactly once in the log: its dossier has one DossierReceived event, and no two
 * keys were answered with the same dossier. `received`: DossierReceived events per dossier id, from the log.
 */
export function checkReceipts(acknowledged: readonly Acknowledged[], received: ReadonlyMap<string, number>): string[] {
  const problems: string[] = [];
  const keyOf = new Map<string, string>();
  for (const ack of acknowledged) {
    const count = received.get(ack.dossierId) ?? 0;
    if (count !== 1)
      problems.push(`receipt ${ack.key} (dossier ${ack.dossierId}): ${count} DossierReceived in the log`);
    const other = keyOf.get(ack.dossierId);
    if (other !== undefined && other !== ack.key)
      problems.push(`dossier ${ack.dossierId} acknowledged for two keys: ${other} and ${ack.key}`);
    keyOf.set(ack.dossierId, ack.key);
  }
  return problems;
}

/**
 * Every event of the log reached the topic, in order per dossier: the relay delivers at least once, so a dossier's
 * events may come again after a relay or broker failure, but the first time each is seen must be in stream order,
 * with the log's hash, and none may be missing.
 */
export function checkTopic(log: readonly RecordedEvent[], topic: readonly RecordedEvent[]): string[] {
  const seen = new Set<string>();
  const firsts: RecordedEvent[] = [];
  for (const event of topic) {
    const id = `${event.streamId}@${event.streamPosition}`;
    if (seen.has(id)) continue;
    seen.add(id);
    firsts.push(event);
  }
  return compareWithStore(log, firsts).problems;
}

/** What the sink holds, counted: deliveries, notifications, and the raw duplicates among the deliveries. */
export interface NotificationTally {
  deliveries: number;
  notifications: number;
  /** Deliveries of a notification after its first. */
  duplicates: number;
  /** Of them, those whose previous copy was accepted when a notifier was killed (within IN_FLIGHT_MS). */
  fromKills: number;
}

/**
 * How far from a notifier's SIGKILL the sink may have accepted a message that the killed process never marked
 * sent: the SMTP answer, one UPDATE and a COMMIT on a loaded machine (docs/notifications.md, the remaining window).
 */
export const IN_FLIGHT_MS = 5_000;

/**
 * Every notification delivered, exactly once per Message-ID. SMTP is not transactional: a notifier killed after the
 * server accepted a message and before it marked the row sent sends it again, with the same Message-ID, so that a
 * mailbox deduplicating on Message-ID (RFC 5322's identity of a message) shows it once. So:
 * - each acknowledged receipt with an e-mail address has its "received" notification (`dossier-<id>.1.email`)
 *   delivered at least once;
 * - every copy of a notification (X-Notification-Id) carries the same Message-ID, and no Message-ID names two
 *   notifications;
 * - raw duplicate deliveries are counted; each must come from a notifier kill (its previous copy accepted within
 *   IN_FLIGHT_MS of one), and there may be no more of them than the sends in flight at those kills (`senders` per
 *   killed process).
 */
export function checkNotifications(
  acknowledged: readonly Acknowledged[],
  messages: readonly SunkMessage[],
  notifierKills: { at: readonly number[]; senders: number },
): { problems: string[]; tally: NotificationTally } {
  const problems: string[] = [];
  const copies = new Map<string, SunkMessage[]>();
  const notificationOf = new Map<string, string>();
  for (const m of messages) {
    if (!m.messageId || !m.notificationId) {
      problems.push(`a message accepted at ${m.at} without a Message-ID or an X-Notification-Id`);
      continue;
    }
    copies.set(m.notificationId, [...(copies.get(m.notificationId) ?? []), m]);
    const other = notificationOf.get(m.messageId);
    if (other !== undefined && other !== m.notificationId)
      problems.push(`Message-ID ${m.messageId} names two notifications: ${other} and ${m.notificationId}`);
    notificationOf.set(m.messageId, m.notificationId);
  }
  let duplicates = 0;
  let fromKills = 0;
  for (const [id, list] of copies) {
    const ids = new Set(list.map((m) => m.messageId));
    if (ids.size > 1)
      problems.push(`notification ${id} delivered with ${ids.size} Message-IDs: ${[...ids].join(', ')}`);
    const times = list.map((m) => Date.parse(m.at)).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) {
      duplicates++;
      const previous = times[i - 1] as number;
      if (notifierKills.at.some((k) => Math.abs(previous - k) <= IN_FLIGHT_MS)) fromKills++;
      else
        problems.push(
          `notification ${id} delivered again at ${new Date(times[i] as number).toISOString()}: its previous copy ` +
            `(${new Date(previous).toISOString()}) was not in flight at a notifier kill`,
        );
    }
  }
  const bound = notifierKills.senders * notifierKills.at.length;
  if (duplicates > bound)
    problems.push(
      `${duplicates} raw duplicate deliveries: more than the ${bound} sends that can be in flight at the notifier ` +
        `kills (${notifierKills.senders} senders × ${notifierKills.at.length} kills)`,
    );
  for (const ack of acknowledged.filter((a) => a.email))
    if (!copies.has(`dossier-${ack.dossierId}.1.email`))
      problems.push(`dossier ${ack.dossierId}: its "received" e-mail was never delivered`);
  return { problems, tally: { deliveries: messages.length, notifications: copies.size, duplicates, fromKills } };
}

/** The verdict's words: `exactly once per Message-ID; 2 raw duplicate deliveries, all from the notifier kill`. */
export function describeNotifications(tally: NotificationTally): string {
  const whence =
    tally.duplicates === 0
      ? ''
      : tally.fromKills === tally.duplicates
        ? ', all from the notifier kill'
        : `, ${tally.fromKills} from the notifier kill`;
  return (
    `${tally.notifications} notifications in ${tally.deliveries} deliveries: exactly once per Message-ID; ` +
    `${tally.duplicates} raw duplicate deliver${tally.duplicates === 1 ? 'y' : 'ies'}${whence}`
  );
}

/** Lags that must come back to (about) zero once the load stops: name → value, with the bound each may keep. */
export function checkSettled(
  lags: Readonly<Record<string, number | undefined>>,
  bounds: Record<string, number> = {},
): string[] {
  return Object.entries(lags)
    .filter(([name, value]) => value === undefined || value > (bounds[name] ?? 0))
    .map(([name, value]) => `${name} lag ${value ?? 'unknown'}`);
}
