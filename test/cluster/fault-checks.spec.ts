import type { RecordedEvent } from '@app/event-store';
import {
  type Acknowledged,
  checkNotifications,
  checkReceipts,
  checkSettled,
  checkTopic,
  describeNotifications,
  IN_FLIGHT_MS,
} from '../../scripts/cluster/fault-checks';
import { headerOf, messageIdOf } from '../../scripts/cluster/mail-log';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const acks: Acknowledged[] = [
  { key: 'k1', dossierId: A, email: true },
  { key: 'k2', dossierId: B, email: false },
];

const event = (streamId: string, streamPosition: number, hash = `${streamId}:${streamPosition}`): RecordedEvent =>
  ({ streamId, streamPosition, hash }) as RecordedEvent;

/** The fault test's checks (scripts/cluster/fault-checks.ts) catch what they are there to catch. */
describe('cluster fault test checks', () => {
  it('every acknowledged receipt once in the log: a dropped or doubled receipt fails', () => {
    expect(
      checkReceipts(
        acks,
        new Map([
          [A, 1],
          [B, 1],
        ]),
      ),
    ).toEqual([]);
    expect(checkReceipts(acks, new Map([[A, 1]]))).toEqual([
      expect.stringContaining(`dossier ${B}): 0 DossierReceived`),
    ]);
    expect(
      checkReceipts(
        acks,
        new Map([
          [A, 2],
          [B, 1],
        ]),
      ),
    ).toEqual([expect.stringContaining('2 DossierReceived')]);
    expect(
      checkReceipts(
        [...acks, { key: 'k3', dossierId: A, email: false }],
        new Map([
          [A, 1],
          [B, 1],
        ]),
      ),
    ).toEqual([expect.stringContaining('acknowledged for two keys')]);
  });

  it('every event on the topic in order per dossier: repeats pass, a gap, a reordering or a changed hash fail', () => {
    const log = [event('a', 1), event('a', 2), event('a', 3), event('b', 1)];
    expect(checkTopic(log, [event('a', 1), event('b', 1), event('a', 2), event('a', 3)])).toEqual([]);
    // at least once: a page published again after a relay died
    expect(
      checkTopic(log, [event('a', 1), event('a', 2), event('a', 1), event('a', 2), event('a', 3), event('b', 1)]),
    ).toEqual([]);
    expect(checkTopic(log, [event('a', 1), event('a', 3), event('b', 1)])).toHaveLength(1);
    expect(checkTopic(log, [event('a', 1), event('a', 3), event('a', 2), event('b', 1)])).toHaveLength(1);
    expect(checkTopic(log, [event('a', 1), event('a', 2), event('a', 3, 'other'), event('b', 1)])).toHaveLength(1);
  });

  describe('every notification delivered, exactly once per Message-ID', () => {
    const KILL = Date.parse('2026-12-02T07:00:00.000Z');
    const kills = { at: [KILL], senders: 2 };
    const copy = (notificationId: string, atMs: number, messageId = `<${notificationId}@dossier-tracker>`) => ({
      at: new Date(atMs).toISOString(),
      messageId,
      notificationId,
      bytes: 1,
    });
    const receivedOfA = `dossier-${A}.1.email`;

    it('passes each expected notification delivered once, and counts nothing', () => {
      const { problems, tally } = checkNotifications(acks, [copy(receivedOfA, KILL - 60_000)], kills);
      expect(problems).toEqual([]);
      expect(tally).toEqual({ deliveries: 1, notifications: 1, duplicates: 0, fromKills: 0 });
      expect(describeNotifications(tally)).toBe(
        '1 notifications in 1 deliveries: exactly once per Message-ID; 0 raw duplicate deliveries',
      );
    });

    it('fails a receipt whose "received" e-mail never came', () => {
      expect(checkNotifications(acks, [], kills).problems).toEqual([
        expect.stringContaining(`dossier ${A}: its "received" e-mail was never delivered`),
      ]);
    });

    it('passes copies sent again by the notifier killed while they were in flight, and counts them', () => {
      const other = `dossier-${B}.2.email`;
      const { problems, tally } = checkNotifications(
        acks,
        [copy(receivedOfA, KILL - 40), copy(other, KILL + 100), copy(receivedOfA, KILL + 300), copy(other, KILL + 900)],
        kills,
      );
      expect(problems).toEqual([]);
      expect(tally).toEqual({ deliveries: 4, notifications: 2, duplicates: 2, fromKills: 2 });
      expect(describeNotifications(tally)).toBe(
        '2 notifications in 4 deliveries: exactly once per Message-ID; 2 raw duplicate deliveries, all from the notifier kill',
      );
    });

    it('fails a duplicate whose first copy was not in flight at a notifier kill', () => {
      const early = KILL - IN_FLIGHT_MS - 1_000;
      const { problems, tally } = checkNotifications(
        acks,
        [copy(receivedOfA, early), copy(receivedOfA, early + 300)],
        kills,
      );
      expect(problems).toEqual([expect.stringContaining('was not in flight at a notifier kill')]);
      expect(tally.fromKills).toBe(0);
      // the same with no notifier killed at all
      expect(
        checkNotifications(acks, [copy(receivedOfA, KILL), copy(receivedOfA, KILL + 1)], { at: [], senders: 2 })
          .problems,
      ).toEqual([expect.stringContaining('was not in flight'), expect.stringContaining('more than the 0 sends')]);
    });

    it('fails more duplicates than sends in flight at the kills (senders × kills)', () => {
      const sent = [
        copy(receivedOfA, KILL),
        copy(receivedOfA, KILL + 10),
        copy(receivedOfA, KILL + 20),
        copy(receivedOfA, KILL + 30),
      ];
      const { problems } = checkNotifications(acks, sent, kills);
      // the third copy's previous one (KILL + 10) is in flight too: only the count fails
      expect(problems).toEqual([expect.stringContaining('3 raw duplicate deliveries: more than the 2 sends')]);
    });

    it('fails copies of one notification under two Message-IDs, one Message-ID for two notifications, none at all', () => {
      expect(
        checkNotifications(
          acks,
          [copy(receivedOfA, KILL), copy(receivedOfA, KILL + 5, '<other@dossier-tracker>')],
          kills,
        ).problems,
      ).toEqual([expect.stringContaining(`notification ${receivedOfA} delivered with 2 Message-IDs`)]);
      expect(
        checkNotifications(
          acks,
          [copy(receivedOfA, KILL), copy(`dossier-${B}.1.email`, KILL, `<${receivedOfA}@dossier-tracker>`)],
          kills,
        ).problems,
      ).toEqual([expect.stringContaining('names two notifications')]);
      expect(
        checkNotifications(acks, [copy(receivedOfA, KILL), { ...copy(receivedOfA, KILL), messageId: null }], kills)
          .problems,
      ).toEqual([expect.stringContaining('without a Message-ID or an X-Notification-Id')]);
    });
  });

  it('lags back to zero, within the bounds given', () => {
    expect(checkSettled({ projector: 0, relay: 0, standby: 1000 }, { standby: 4096 })).toEqual([]);
    expect(checkSettled({ projector: 3, relay: undefined })).toEqual(['projector lag 3', 'relay lag unknown']);
  });

  it("reads a message's Message-ID, folded or not", () => {
    expect(messageIdOf('From: a\r\nMessage-ID: <x.1@h>\r\n\r\nbody')).toBe('<x.1@h>');
    expect(messageIdOf('Message-Id:\r\n <y@h>\r\nTo: b\r\n\r\n')).toBe('<y@h>');
    expect(messageIdOf('To: b\r\n\r\nMessage-ID: <in-body@h>')).toBeUndefined();
    expect(headerOf('X-Notification-Id:\r\n dossier-a.1.email\r\n\r\n', 'x-notification-id')).toBe('dossier-a.1.email');
  });
});
