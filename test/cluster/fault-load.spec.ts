import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeFailures, kindOfAnswer, kindOfFailure } from '../../scripts/cluster/attempt-kinds';
import { isRetryable, startReceiptLoad } from '../../scripts/cluster/fault-load';

/** What the loopback server does with the n-th request (0-based); past the script: 201. */
type Step = 'reset' | { status: number; code?: string };

/** A real HTTP server on loopback standing for the load balancer, answering requests by a script. */
async function scriptedServer(script: Step[]): Promise<{ url: string; keys: string[]; close(): Promise<void> }> {
  const keys: string[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const step = script[keys.length];
      keys.push(String(request.headers['idempotency-key']));
      if (step === 'reset') return void request.socket.destroy();
      const status = step?.status ?? 201;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(status === 201 ? { id: `dossier-${keys.length}` } : { statusCode: status, code: step?.code }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    keys,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The fault test's clients (scripts/cluster/fault-load.ts): what they retry, what they record, when they give up. */
describe('cluster fault test load', () => {
  const load = (url: string, giveUpAfterMs = 60_000) =>
    startReceiptLoad({ url, token: () => 'token', clients: 1, giveUpAfterMs });

  it('sends a receipt again with the same key after a 503 and a dropped connection, and records each kind', async () => {
    const server = await scriptedServer([{ status: 503, code: 'SERVICE_UNAVAILABLE' }, 'reset', { status: 502 }]);
    const clients = load(server.url);
    try {
      await until(() => clients.acknowledged.length > 0);
    } finally {
      await clients.stop();
      await server.close();
    }
    expect(new Set(server.keys.slice(0, 4)).size).toBe(1);
    expect(clients.attempts.slice(0, 4).map((a) => a.kind)).toEqual([
      '503 SERVICE_UNAVAILABLE',
      expect.stringMatching(/^(socket closed by the server|connection reset)$/),
      '502 (no code)',
      '201',
    ]);
    expect(describeFailures(clients.attempts)).toMatch(/^(502 \(no code\)|503 SERVICE_UNAVAILABLE|socket|connection)/);
    expect(clients.abandoned).toEqual([]);
    expect(clients.refused).toEqual([]);
  });

  it('takes a refusal as final: 409 DAILY_SEQUENCE_EXHAUSTED is refused after one try, not retried', async () => {
    const server = await scriptedServer([{ status: 409, code: 'DAILY_SEQUENCE_EXHAUSTED' }]);
    const clients = load(server.url);
    try {
      await until(() => clients.refused.length > 0);
    } finally {
      await clients.stop();
      await server.close();
    }
    expect(clients.refused[0]).toMatch(/^409 DAILY_SEQUENCE_EXHAUSTED: /);
    expect(server.keys.filter((k) => k === server.keys[0])).toHaveLength(1);
  });

  it('gives a receipt up only after the bound without an answer', async () => {
    const server = await scriptedServer(Array.from({ length: 1000 }, () => ({ status: 503, code: 'UNAVAILABLE' })));
    const started = Date.now();
    const clients = load(server.url, 1_500);
    try {
      await until(() => clients.abandoned.length > 0);
    } finally {
      await clients.stop();
      await server.close();
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    const tries = clients.attempts.filter((a) => a.key === clients.abandoned[0]);
    expect(tries.length).toBeGreaterThanOrEqual(4);
    expect(tries.every((a) => a.kind === '503 UNAVAILABLE')).toBe(true);
  });

  it('retries what a counter retries, nothing else', () => {
    for (const kind of [
      'timeout',
      'connection refused',
      '500 INTERNAL_ERROR',
      '502 (no code)',
      '503 X',
      '504 (no code)',
    ])
      expect([kind, isRetryable(kind)]).toEqual([kind, true]);
    expect(isRetryable('409 CONCURRENT_MODIFICATION')).toBe(true);
    for (const kind of [
      '409 DAILY_SEQUENCE_EXHAUSTED',
      '400 VALIDATION_FAILED',
      '401 UNAUTHENTICATED',
      '429 (no code)',
    ])
      expect([kind, isRetryable(kind)]).toEqual([kind, false]);
  });

  it('names what a failed fetch got', () => {
    expect(kindOfFailure(new DOMException('timed out', 'TimeoutError'))).toBe('timeout');
    expect(
      kindOfFailure(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })),
    ).toBe('connection refused');
    expect(kindOfAnswer(502, '<html>Bad Gateway</html>')).toBe('502 (no code)');
    expect(kindOfAnswer(503, '{"code":"STORE_CLOSED"}')).toBe('503 STORE_CLOSED');
  });
});
