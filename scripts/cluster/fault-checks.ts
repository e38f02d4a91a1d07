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

/**
 * Every notification sent exactly once: no Message-ID twice in the sink, and each acknowledged receipt with an
 * e-mail address has exactly one message about its reception (Message-ID `<dossier-<id>.<position>.…>`, position 1).
 */
export function checkNotifications(acknowledged: readonly Acknowledged[], messages: readonly SunkMessage[]): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const m of messages) if (m.messageId) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  for (const [id, n] of counts) if (n > 1) problems.push(`message ${id} sent ${n} times`);
  const receivedMessages = new Map<string, number>();
  for (const [id, n] of counts) {
    const match = /^<dossier-([0-9a-f-]{36})\.1\./.exec(id);
    if (match?.[1]) receivedMessages.set(match[1], (receivedMessages.get(match[1]) ?? 0) + n);
  }
  for (const ack of acknowledged.filter((a) => a.email)) {
    const n = receivedMessages.get(ack.dossierId) ?? 0;
    if (n !== 1) problems.push(`dossier ${ack.dossierId}: ${n} "received" messages in the sink`);
  }
  return problems;
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
