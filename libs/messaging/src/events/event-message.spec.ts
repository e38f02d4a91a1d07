import type { RecordedEvent } from '@app/event-store';
import { MessagingError } from '../errors';
import { EVENT_HEADERS, decodeEvent, encodeEvent, eventFromEnvelope } from './event-message';

const event: RecordedEvent = {
  globalPosition: 42,
  streamId: 'dossier-000.00.23.H57-200610-0001',
  streamPosition: 3,
  type: 'DossierTransferred',
  schemaVersion: 2,
  data: { occurredAt: '2020-06-10T01:02:03.000Z', toUnit: 'UBND phường Phú Hội' },
  metadata: { actor: 'clerk-7', unit: 'tth-pvhcc', correlationId: 'corr-9' },
  recordedAt: new Date('2020-06-10T01:02:04.123Z'),
  transactionId: '18446744073709551615',
  hash: 'ab'.repeat(32),
  prevHash: 'cd'.repeat(32),
};

const incoming = (value: string | null) => ({
  topic: 't',
  partition: 0,
  offset: '7',
  value: value === null ? null : Buffer.from(value),
});

describe('event messages', () => {
  it('keys by stream id and carries the routing headers', () => {
    const message = encodeEvent(event);
    expect(message.key).toBe(event.streamId);
    expect(message.headers).toEqual({
      [EVENT_HEADERS.type]: 'DossierTransferred',
      [EVENT_HEADERS.schemaVersion]: '2',
      [EVENT_HEADERS.streamPosition]: '3',
      [EVENT_HEADERS.globalPosition]: '42',
      [EVENT_HEADERS.transactionId]: '18446744073709551615',
      [EVENT_HEADERS.correlationId]: 'corr-9',
    });
  });

  it('round-trips the recorded event through the JSON value (Vietnamese text, 64-bit transaction id)', () => {
    const message = encodeEvent(event);
    expect(decodeEvent(incoming(String(message.value)))).toEqual(event);
    expect(JSON.parse(String(message.value))).toMatchObject({
      occurredAt: event.data.occurredAt,
      recordedAt: '2020-06-10T01:02:04.123Z',
      hash: event.hash,
    });
  });

  it('leaves out the correlation header when the event has none', () => {
    expect(encodeEvent({ ...event, metadata: {} }).headers).not.toHaveProperty(EVENT_HEADERS.correlationId);
  });

  it.each([
    ['no value', null],
    ['not JSON', '{oops'],
    ['no stream id', JSON.stringify({ ...JSON.parse(String(encodeEvent(event).value)), streamId: undefined })],
    ['position 0', JSON.stringify({ ...JSON.parse(String(encodeEvent(event).value)), streamPosition: 0 })],
    ['bad recordedAt', JSON.stringify({ ...JSON.parse(String(encodeEvent(event).value)), recordedAt: 'yesterday' })],
  ])('refuses a malformed message (%s) with MALFORMED_EVENT', (_label, value) => {
    expect(() => decodeEvent(incoming(value))).toThrow(MessagingError);
    expect(() => decodeEvent(incoming(value))).toThrow(/t\[0\]@7/);
  });

  it('decodes an already parsed value (what Nest hands an @EventPattern handler)', () => {
    expect(eventFromEnvelope(JSON.parse(String(encodeEvent(event).value)))).toEqual(event);
    expect(() => eventFromEnvelope('text')).toThrow(/not a relayed event/);
  });
});
