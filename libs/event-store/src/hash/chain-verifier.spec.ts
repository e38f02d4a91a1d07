import { ChainVerifier, type ChainEvent } from './chain-verifier';
import { chainLink, contentDigest } from './event-hash';

function chain(streamId: string, count: number): ChainEvent[] {
  const list: ChainEvent[] = [];
  let prev: string | null = null;
  for (let position = 1; position <= count; position += 1) {
    const fields = {
      streamId,
      type: 'Noted',
      schemaVersion: 1,
      data: { occurredAt: '2020-01-01T00:00:00Z', n: position },
      metadata: {},
    };
    const hash = chainLink(prev, position, contentDigest(fields));
    list.push({ ...fields, streamPosition: position, hash, prevHash: prev });
    prev = hash;
  }
  return list;
}

async function run(list: ChainEvent[], head?: { version: number; lastHash: string | null }) {
  const verifier = new ChainVerifier(
    async (streamId, hash) => list.find((e) => e.streamId === streamId && e.hash === hash)?.streamPosition ?? null,
  );
  for (const event of list) await verifier.add(event, head);
  return verifier.finish();
}

describe('ChainVerifier', () => {
  it('accepts intact chains and counts streams and events', async () => {
    const list = [...chain('a', 3), ...chain('b', 2)];
    await expect(run(list)).resolves.toEqual({ ok: true, streamsChecked: 2, eventsChecked: 5, problems: [] });
  });

  it('reports the first broken link of each stream', async () => {
    const a = chain('a', 5);
    const b = chain('b', 4);
    (a[2] as ChainEvent).data = { occurredAt: '2020-01-01T00:00:00Z', n: 99 };
    (a[3] as ChainEvent).data = { occurredAt: '2020-01-01T00:00:00Z', n: 98 };
    const report = await run([...a, ...b.filter((e) => e.streamPosition !== 2)]);
    expect(report.problems.map((p) => [p.streamId, p.streamPosition, p.kind])).toEqual([
      ['a', 3, 'altered'],
      ['b', 2, 'missing'],
    ]);
  });

  it('tells a reorder from a forged link', async () => {
    const a = chain('a', 4);
    const swapped = [
      a[0],
      { ...(a[2] as ChainEvent), streamPosition: 2 },
      { ...(a[1] as ChainEvent), streamPosition: 3 },
      a[3],
    ] as ChainEvent[];
    await expect(run(swapped)).resolves.toMatchObject({ problems: [{ streamPosition: 2, kind: 'reordered' }] });
    const forged = chain('a', 3);
    (forged[1] as ChainEvent).prevHash = 'f'.repeat(64);
    await expect(run(forged)).resolves.toMatchObject({ problems: [{ streamPosition: 2, kind: 'hash_mismatch' }] });
  });

  it('compares the end of each chain with the stream head', async () => {
    const a = chain('a', 3);
    const last = a[2]?.hash ?? null;
    await expect(run(a, { version: 3, lastHash: last })).resolves.toMatchObject({ ok: true });
    await expect(run(a.slice(0, 2), { version: 3, lastHash: last })).resolves.toMatchObject({
      problems: [{ streamPosition: 3, kind: 'missing' }],
    });
    await expect(run(a, { version: 2, lastHash: last })).resolves.toMatchObject({
      problems: [{ streamPosition: 3, kind: 'hash_mismatch' }],
    });
    await expect(run(a, { version: 3, lastHash: 'x' })).resolves.toMatchObject({
      problems: [{ streamPosition: 3, kind: 'hash_mismatch' }],
    });
  });
});
