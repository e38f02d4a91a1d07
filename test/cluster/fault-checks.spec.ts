import type { RecordedEvent } from '@app/event-store';
import {
  type Acknowledged,
  checkNotifications,
  checkReceipts,
  checkSettled,
  checkTopic,
} from '../../scripts/cluster/fault-checks';
import { messageIdOf } from '../../scripts/cluster/mail-log';

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

  it('every notification exactly once: a missing or repeated message fails', () => {
    const message = (id: string) => ({ at: '', messageId: id, bytes: 1 });
    const received = message(`<dossier-${A}.1.email@dossier-tracker>`);
    expect(checkNotifications(acks, [received])).toEqual([]);
    expect(checkNotifications(acks, [])).toEqual([expect.stringContaining(`${A}: 0 "received" messages`)]);
    expect(checkNotifications(acks, [received, received])).toEqual([
      expect.stringContaining('sent 2 times'),
      expect.stringContaining('2 "received" messages'),
    ]);
  });

  it('lags back to zero, within the bounds given', () => {
    expect(checkSettled({ projector: 0, relay: 0, standby: 1000 }, { standby: 4096 })).toEqual([]);
    expect(checkSettled({ projector: 3, relay: undefined })).toEqual(['projector lag 3', 'relay lag unknown']);
  });

  it("reads a message's Message-ID, folded or not", () => {
    expect(messageIdOf('From: a\r\nMessage-ID: <x.1@h>\r\n\r\nbody')).toBe('<x.1@h>');
    expect(messageIdOf('Message-Id:\r\n <y@h>\r\nTo: b\r\n\r\n')).toBe('<y@h>');
    expect(messageIdOf('To: b\r\n\r\nMessage-ID: <in-body@h>')).toBeUndefined();
  });
});
