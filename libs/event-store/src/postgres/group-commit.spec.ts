import type { AppendOutcome, AppendRequest } from './append-batch';
import { GroupCommitter } from './group-commit';

const request = (streamId: string, events = 1, key?: string): AppendRequest => ({
  idempotencyKey: key,
  appends: [{ streamId, expected: 'any', events: Array.from({ length: events }, () => ({}) as never) }],
});

describe('GroupCommitter', () => {
  it('sends the first request at once and batches the ones that arrive meanwhile', async () => {
    const batches: string[][] = [];
    const committer = new GroupCommitter(
      async (requests) => {
        batches.push(requests.map((r) => r.appends[0]?.streamId ?? ''));
        await new Promise((r) => setTimeout(r, 5));
        return requests.map(() => ({ kind: 'ok', results: [] }));
      },
      { maxInFlight: 1, maxBatchEvents: 100 },
    );
    await Promise.all(['a', 'b', 'c', 'd'].map((s) => committer.submit(request(s))));
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('never puts two requests for one stream or one key in the same batch, and caps batch size', async () => {
    const batches: string[][] = [];
    const committer = new GroupCommitter(
      async (requests) => {
        batches.push(requests.map((r) => r.appends[0]?.streamId ?? ''));
        return requests.map(() => ({ kind: 'ok', results: [] }));
      },
      { maxInFlight: 1, maxBatchEvents: 5 },
    );
    await Promise.all([
      committer.submit(request('first')),
      committer.submit(request('a')),
      committer.submit(request('a')),
      committer.submit(request('k1', 1, 'key')),
      committer.submit(request('k2', 1, 'key')),
      committer.submit(request('big', 4)),
      committer.submit(request('huge', 9)),
    ]);
    expect(batches).toEqual([['first'], ['a', 'k1'], ['a', 'k2'], ['big'], ['huge']]);
  });

  it('retries a failed batch request by request, so only the faulty one fails', async () => {
    const committer = new GroupCommitter(
      async (requests) => {
        if (requests.some((r) => r.appends[0]?.streamId === 'bad')) throw new Error('invalid input');
        return requests.map((): AppendOutcome => ({ kind: 'duplicate' }));
      },
      { maxInFlight: 1, maxBatchEvents: 100 },
    );
    const outcomes = await Promise.allSettled(['x', 'y', 'bad', 'z'].map((s) => committer.submit(request(s))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });

  it('retries a deadlocked batch', async () => {
    let calls = 0;
    const committer = new GroupCommitter(
      async (requests) => {
        calls += 1;
        if (calls === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
        return requests.map((): AppendOutcome => ({ kind: 'duplicate' }));
      },
      { maxInFlight: 1, maxBatchEvents: 100 },
    );
    await expect(committer.submit(request('a'))).resolves.toEqual({ kind: 'duplicate' });
    expect(calls).toBe(2);
  });
});
