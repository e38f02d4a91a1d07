import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { AccountsService } from '@app/accounts';
import { LiveHub } from '@app/intake';
import { APPLICANTS, findNeedles, needlesOf } from '../support/personal-data';
import { createTestApp, type TestApp } from '../support/test-app';
import { SseClient } from './sse-client';

const UNIT_A = 'tth-pvhcc';
const UNIT_B = 'tth-hcc-hue';
const PASSWORD = 'sông Hương núi Ngự 2026';

interface DossierMessage {
  dossierId: string;
  code: string;
  type: string;
  streamPosition: number;
  globalPosition: number;
  occurredAt: string;
  recordedAt: string;
  unitIds: string[];
  status: string;
}

/**
 * GET /api/v1/live over a real socket: a clerk of unit A signed in with the session cookie (as a browser's
 * EventSource), a clerk of unit B with a bearer token, an administrator; receipts, a transfer, a dropped connection
 * resumed with Last-Event-ID, a sign-out.
 */
describe('live dossier events (server-sent events)', () => {
  let subject: TestApp;
  let base: string;
  let writerA: string;
  let writerB: string;
  let clerkB: string;
  let admin: string;
  let cookieA: string;
  let csrfA: string;

  beforeAll(async () => {
    subject = await createTestApp({ LIVE_CHECK_SECONDS: '1' });
    await subject.app.listen(0, '127.0.0.1');
    const { port } = (subject.app.getHttpServer() as Server).address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    writerA = await subject.token('clerk', [UNIT_A], 'live-writer-a');
    writerB = await subject.token('clerk', [UNIT_B], 'live-writer-b');
    clerkB = await subject.token('clerk', [UNIT_B], 'live-clerk-b');
    admin = await subject.token('admin');
    await subject.app.get(AccountsService).register(
      {
        username: 'live-lan',
        displayName: 'Trần Thị Lan',
        grants: [{ role: 'clerk', unitId: UNIT_A, validFrom: '2020-01-01' }],
        password: PASSWORD,
      },
      { actor: 'test-setup', actorName: 'Thiết lập kiểm thử' },
    );
    ({ cookie: cookieA, csrf: csrfA } = await signIn());
  });
  afterAll(() => subject.close());

  async function signIn(): Promise<{ cookie: string; csrf: string }> {
    const response = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'live-lan', password: PASSWORD }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { csrfToken: string };
    return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken };
  }

  const post = async (path: string, token: string, body: object): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const receiveAt = async (unit: string, extra: object = {}) => {
    const token = unit === UNIT_A ? writerA : writerB;
    const procedureCode = unit === UNIT_A ? 'T-DKDN-01' : 'H-HKD-01';
    const answer = await post('/api/v1/dossiers', token, {
      procedureCode,
      receivingUnitId: unit,
      channel: 'counter',
      receivedAt: '2020-09-01T02:00:00Z',
      ...extra,
    });
    expect(answer.status).toBe(201);
    return answer.body as { id: string; code: string };
  };
  const openAsA = (headers: Record<string, string> = {}, query = '') =>
    SseClient.open(`${base}/api/v1/live${query}`, { cookie: cookieA, ...headers });
  const openWithToken = (token: string, headers: Record<string, string> = {}, query = '') =>
    SseClient.open(`${base}/api/v1/live${query}`, { authorization: `Bearer ${token}`, ...headers });
  const dossiers = (client: SseClient) => client.named<DossierMessage>('dossier');

  let streamA: SseClient;
  let streamB: SseClient;
  let streamAdmin: SseClient;
  let first: { id: string; code: string };

  it('opens as an event stream that is not buffered: retry, then ready at the head of the log', async () => {
    streamA = await openAsA();
    streamB = await openWithToken(clerkB);
    streamAdmin = await openWithToken(admin);
    for (const stream of [streamA, streamB, streamAdmin]) {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toBe('text/event-stream');
      expect(stream.headers.get('cache-control')).toBe('no-cache');
      expect(stream.headers.get('x-accel-buffering')).toBe('no');
      expect(await stream.until(() => stream.named('ready').length === 1)).toBe(true);
    }
    expect(streamA.events.slice(0, 2).map((e) => e.event)).toEqual(['retry', 'ready']);
    expect(JSON.parse(streamA.events[0]?.data ?? '')).toBe(2000);
    const ready = streamA.named<{ position: number }>('ready')[0];
    expect(ready?.position).toBeGreaterThan(0); // the accounts' events are in the log already: nothing old is sent
    expect(ready?.$id).toBe(String(ready?.position));
    expect(dossiers(streamA)).toEqual([]);
  });

  it("a receipt at unit A reaches A's clerk within 1 s, and nothing personal travels; B's clerk sees nothing of it", async () => {
    const sent = Date.now();
    first = await receiveAt(UNIT_A, { applicant: APPLICANTS.yen });
    const answered = Date.now();
    expect(await streamA.until(() => dossiers(streamA).length === 1, 1000)).toBe(true);
    const [message] = dossiers(streamA);
    console.log(
      `live: receipt answered after ${answered - sent} ms, on A's stream ${message!.$at - answered} ms later`,
    );
    expect(message!.$at - answered).toBeLessThan(1000);
    expect(message).toMatchObject({
      dossierId: first.id,
      code: first.code,
      type: 'DossierReceived',
      streamPosition: 1,
      unitIds: [UNIT_A],
      status: 'in_progress',
    });
    expect(
      Object.keys(message!)
        .filter((k) => !k.startsWith('$'))
        .sort(),
    ).toEqual(
      [
        'code',
        'dossierId',
        'globalPosition',
        'occurredAt',
        'recordedAt',
        'status',
        'streamPosition',
        'type',
        'unitIds',
      ].sort(),
    );
    expect(message!.$id).toBe(String(message!.globalPosition));
    expect(await streamAdmin.until(() => dossiers(streamAdmin).length === 1, 1000)).toBe(true);
    const raw = streamA.events.map((e) => e.data).join('\n') + streamAdmin.events.map((e) => e.data).join('\n');
    expect(findNeedles(raw, needlesOf(APPLICANTS.yen))).toEqual([]);

    // B's stream: the next dossier it gets is one of B's own, received after A's — A's was never sent to it
    const own = await receiveAt(UNIT_B);
    expect(await streamB.until(() => dossiers(streamB).length >= 1, 1000)).toBe(true);
    expect(dossiers(streamB).map((m) => m.dossierId)).toEqual([own.id]);
    expect(await streamA.until(() => dossiers(streamA).length > 1, 300)).toBe(false); // and A sees nothing of B's
  });

  it("a transfer A → B: B's clerk now gets the dossier, with both units", async () => {
    const transfer = await post(`/api/v1/dossiers/${first.id}/transfer`, writerA, {
      toUnitId: UNIT_B,
      reason: 'liên thông',
      at: '2020-09-01T03:00:00Z',
    });
    expect(transfer.status).toBe(200);
    const transferred = (client: SseClient) => dossiers(client).filter((m) => m.type === 'DossierTransferred');
    expect(await streamB.until(() => transferred(streamB).length === 1, 1000)).toBe(true);
    expect(await streamA.until(() => transferred(streamA).length === 1, 1000)).toBe(true);
    expect(transferred(streamB)[0]).toMatchObject({
      dossierId: first.id,
      streamPosition: 2,
      unitIds: [UNIT_B, UNIT_A].sort(),
      status: 'in_progress',
    });
  });

  it('resumes after a dropped connection with Last-Event-ID: what was recorded meanwhile, none twice, none missing', async () => {
    await streamA.close();
    const lastId = streamA.events.filter((e) => e.id !== undefined).at(-1)?.id as string;
    const seenBefore = dossiers(streamA).map((m) => m.globalPosition);
    // meanwhile: receipts at A (interleaved with B's, which A must not get), and a step of the transferred dossier
    const meanwhile: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      meanwhile.push((await receiveAt(UNIT_A)).id);
      await receiveAt(UNIT_B);
    }
    const step = await post(`/api/v1/dossiers/${first.id}/request-supplement`, writerB, {
      reason: 'thiếu giấy tờ',
      documents: ['Bản sao CCCD'],
      at: '2020-09-02T03:00:00Z',
    });
    expect(step.status).toBe(200);

    streamA = await openAsA({ 'last-event-id': lastId });
    expect(streamA.status).toBe(200);
    const expected = [...meanwhile.map((id) => `${id}#1`), `${first.id}#3`];
    const got = () => dossiers(streamA).map((m) => `${m.dossierId}#${m.streamPosition}`);
    expect(await streamA.until(() => got().length >= expected.length, 2000)).toBe(true);
    expect(streamA.named('ready')[0]).toMatchObject({ after: Number(lastId), resumed: true });
    expect(got()).toEqual(expected);
    expect(dossiers(streamA).find((m) => m.dossierId === first.id)?.status).toBe('awaiting_supplement');
    const positions = dossiers(streamA).map((m) => m.globalPosition);
    expect(positions.filter((p) => seenBefore.includes(p) || p <= Number(lastId))).toEqual([]);

    // and it goes on live
    const next = await receiveAt(UNIT_A);
    expect(await streamA.until(() => got().length === expected.length + 1, 1000)).toBe(true);
    expect(got().at(-1)).toBe(`${next.id}#1`);
    expect(new Set(got()).size).toBe(got().length);
  });

  it('resumes with ?after= as well, and the administrator sees every unit', async () => {
    const all = dossiers(streamAdmin);
    expect(await streamAdmin.until(() => dossiers(streamAdmin).length >= 12, 2000)).toBe(true);
    const units = new Set(dossiers(streamAdmin).flatMap((m) => m.unitIds));
    expect(units).toEqual(new Set([UNIT_A, UNIT_B]));
    const from = all[0]!.globalPosition;
    const again = await openWithToken(admin, {}, `?after=${from}`);
    const list = dossiers(streamAdmin);
    expect(await again.until(() => dossiers(again).length >= list.length - 1, 2000)).toBe(true);
    expect(dossiers(again).map((m) => m.globalPosition)).toEqual(list.slice(1).map((m) => m.globalPosition));
    await again.close();
  });

  it('refuses a unit the clerk may not see, a malformed position, and a stream without credentials', async () => {
    const other = await openAsA({}, `?unitId=${UNIT_B}`);
    expect(other.status).toBe(403);
    await other.ended;
    const bad = await openAsA({ 'last-event-id': 'abc' });
    expect(bad.status).toBe(400);
    await bad.ended;
    const anonymous = await SseClient.open(`${base}/api/v1/live`);
    expect(anonymous.status).toBe(401);
    await anonymous.ended;
    const own = await openAsA({}, `?unitId=${UNIT_A}`);
    expect(own.status).toBe(200);
    await own.close();
  });

  it('ends the stream of a session that ended (sign-out), within LIVE_CHECK_SECONDS', async () => {
    const hub = subject.app.get(LiveHub);
    const out = await fetch(`${base}/api/v1/session`, {
      method: 'DELETE',
      headers: { cookie: cookieA, 'x-csrf-token': csrfA },
    });
    expect(out.status).toBe(204);
    const signedOut = Date.now();
    await Promise.race([streamA.ended, new Promise((resolve) => setTimeout(resolve, 4000))]);
    expect(streamA.isOver).toBe(true);
    console.log(`live: stream of a signed-out session ended ${Date.now() - signedOut} ms after the sign-out`);
    expect(hub.openStreams).toBe(2); // B's clerk and the administrator
    // the browser's reconnection is refused: its EventSource stops there
    const again = await openAsA();
    expect(again.status).toBe(401);
    await again.ended;
  });

  it('ends the open streams when the app closes', async () => {
    const started = Date.now();
    const closing = subject.app.close();
    await Promise.all([streamB.ended, streamAdmin.ended]);
    console.log(`live: open streams ended ${Date.now() - started} ms after close() began`);
    expect(Date.now() - started).toBeLessThan(1000);
    await closing;
    console.log(`live: the app closed in ${Date.now() - started} ms`);
    expect(subject.app.get(LiveHub).openStreams).toBe(0);
  });
});
