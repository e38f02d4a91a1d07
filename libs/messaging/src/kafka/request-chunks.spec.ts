import type { OutgoingMessage } from '../messaging.port';
import { LIMITS, requestChunks } from './request-chunks';

const message = (key: string, i: number, bytes = 10_000): OutgoingMessage => ({
  key,
  value: `${i}:`.padEnd(bytes, 'x'),
  headers: { 'event-type': 'T' },
});

describe('requestChunks', () => {
  const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
  const partitionOf = (key: string): number => keys.indexOf(key);
  const messages = Array.from({ length: 1200 }, (_, i) => message(keys[i % 6] as string, i));

  it('keeps the order and every message, with the partition set', () => {
    const chunks = [...requestChunks(messages, partitionOf)];
    const flat = chunks.flat();
    expect(flat.map((m) => String(m.value).split(':')[0])).toEqual(messages.map((_, i) => String(i)));
    expect(flat.every((m) => m.partition === partitionOf(String(m.key)))).toBe(true);
  });

  it('holds no more than the per-partition budget for any partition, nor the request budget', () => {
    for (const chunk of requestChunks(messages, partitionOf)) {
      const perPartition = new Map<number, number>();
      for (const m of chunk)
        perPartition.set(
          m.partition as number,
          (perPartition.get(m.partition as number) ?? 0) + 3 * String(m.value).length,
        );
      expect(Math.max(...perPartition.values())).toBeLessThanOrEqual(LIMITS.perPartition);
      expect([...perPartition.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(LIMITS.perRequest);
    }
  });

  it('spreads over partitions into fewer requests than one batch budget would allow', () => {
    const spread = [...requestChunks(messages, partitionOf)].length;
    const single = [...requestChunks(messages)].length;
    expect(spread).toBeLessThan(single / 3);
    expect([...requestChunks(messages)].flat().every((m) => m.partition === undefined)).toBe(true);
  });

  it('sends an oversized message alone rather than never', () => {
    expect([...requestChunks([message('a', 0, 2_000_000), message('a', 1)], partitionOf)].map((c) => c.length)).toEqual(
      [1, 1],
    );
  });
});
