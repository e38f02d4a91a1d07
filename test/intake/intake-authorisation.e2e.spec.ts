import request from 'supertest';
import type { Role } from '@app/platform';
import { createTestApp, type TestApp } from '../support/test-app';

const OWN = 'tth-pvhcc';
const OTHER = 'tth-hcc-hue';

type Scope = 'own' | 'other';
interface Endpoint {
  name: string;
  /** Sends the request as `token` against a fresh dossier of unit OWN (or a receipt for `unit`). */
  call(token: string, unit: string, dossierId: string): request.Test;
  /** Roles allowed to write (all others 403); undefined = a read. */
  writers?: Role[];
}

const body = (at: string) => ({ at });
const ENDPOINTS: Endpoint[] = [
  { name: 'POST /dossiers', writers: ['clerk', 'supervisor', 'admin'], call: (t, u) => post(t, '/api/v1/dossiers', { procedureCode: 'T-DKDN-01', receivingUnitId: u, channel: 'counter', receivedAt: '2020-09-01T02:00:00Z' }) },
  { name: 'POST /receipt-refusals', writers: ['clerk', 'supervisor', 'admin'], call: (t, u) => post(t, '/api/v1/receipt-refusals', { procedureCode: 'T-DKDN-01', receivingUnitId: u, channel: 'counter', reason: 'x', refusedAt: '2020-09-01T02:00:00Z' }) },
  { name: 'transfer', writers: ['clerk', 'supervisor', 'admin'], call: (t, _u, id) => post(t, `/api/v1/dossiers/${id}/transfer`, { toUnitId: 'tth-hcc-huong-thuy', ...body('2020-09-01T03:00:00Z') }) },
  { name: 'request-supplement', writers: ['clerk', 'supervisor', 'admin'], call: (t, _u, id) => post(t, `/api/v1/dossiers/${id}/request-supplement`, { reason: 'x', ...body('2020-09-01T03:00:00Z') }) },
  { name: 'request-financial-obligation', writers: ['clerk', 'supervisor', 'admin'], call: (t, _u, id) => post(t, `/api/v1/dossiers/${id}/request-financial-obligation`, body('2020-09-01T03:00:00Z')) },
  { name: 'reschedule', writers: ['clerk', 'supervisor', 'admin'], call: (t, _u, id) => post(t, `/api/v1/dossiers/${id}/reschedule`, { newAppointmentDate: '2020-09-15', reason: 'x', ...body('2020-09-01T03:00:00Z') }) },
  { name: 'record-result', writers: ['clerk', 'supervisor', 'admin'], call: (t, _u, id) => post(t, `/api/v1/dossiers/${id}/record-result`, { outcome: 'approved', ...body('2020-09-01T03:00:00Z') }) },
  { name: 'withdraw', writers: ['clerk', 'supervisor', 'admin'], call: (t, _u, id) => post(t, `/api/v1/dossiers/${id}/withdraw`, { reason: 'x', ...body('2020-09-01T03:00:00Z') }) },
  { name: 'stop', writers: ['clerk', 'supervisor', 'admin'], call: (t, _u, id) => post(t, `/api/v1/dossiers/${id}/stop`, { reason: 'x', ...body('2020-09-01T03:00:00Z') }) },
  { name: 'correct', writers: ['supervisor', 'admin'], call: (t, _u, id) => post(t, `/api/v1/dossiers/${id}/correct`, { changes: { channel: 'online' }, reason: 'x', ...body('2020-09-01T03:00:00Z') }) },
  { name: 'GET /dossiers/{id}', call: (t, _u, id) => get(t, `/api/v1/dossiers/${id}`) },
  { name: 'GET /dossiers/{id}/history', call: (t, _u, id) => get(t, `/api/v1/dossiers/${id}/history`) },
  { name: 'PUT /reference/units', writers: ['admin'], call: (t) => put(t, '/api/v1/reference/calendar', { format: 'csv', content: 'x' }) },
];

let server: unknown;
const post = (t: string, path: string, b: object) => request(server as never).post(path).set('Authorization', `Bearer ${t}`).send(b);
const put = (t: string, path: string, b: object) => request(server as never).put(path).set('Authorization', `Bearer ${t}`).send(b);
const get = (t: string, path: string) => request(server as never).get(path).set('Authorization', `Bearer ${t}`);

/** The status each role should get: 2xx, or 403; the admin's PUT is a deliberately invalid file (400 after auth). */
function expected(endpoint: Endpoint, role: Role, scope: Scope): number[] {
  const ok = endpoint.name === 'PUT /reference/units' ? [400] : [200, 201];
  if (!endpoint.writers) return role === 'auditor' || role === 'admin' || scope === 'own' ? ok : [403];
  if (!endpoint.writers.includes(role)) return [403];
  return role === 'admin' || scope === 'own' ? ok : [403];
}

describe('intake: authorisation matrix (role × endpoint × own/other unit)', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
    server = subject.app.getHttpServer();
  });
  afterAll(() => subject.close());

  const roles: Role[] = ['clerk', 'supervisor', 'auditor', 'admin'];
  const cases = ENDPOINTS.flatMap((e) => roles.flatMap((role) => (['own', 'other'] as Scope[]).map((scope) => [e.name, role, scope] as const)));

  it.each(cases)('%s as %s for the %s unit', async (name, role, scope) => {
    const endpoint = ENDPOINTS.find((e) => e.name === name) as Endpoint;
    const admin = subject.token('admin');
    const dossierUnit = scope === 'own' ? OWN : OTHER;
    const created = await post(admin, '/api/v1/dossiers', { procedureCode: 'T-DKDN-01', receivingUnitId: dossierUnit, channel: 'counter', receivedAt: '2020-09-01T02:00:00Z' }).expect(201);
    const token = subject.token(role, role === 'admin' || role === 'auditor' ? ['*'] : [OWN]);
    const response = await endpoint.call(token, dossierUnit, created.body.id);
    expect(expected(endpoint, role, scope)).toContain(response.status);
  });

  it('answers 401 on every endpoint without a token, but /health and /docs-json', async () => {
    for (const endpoint of ENDPOINTS) {
      const response = await endpoint.call('', OWN, '00000000-0000-4000-8000-000000000000');
      expect(response.status).toBe(401);
    }
    await request(server as never).get('/health').expect(200);
    await request(server as never).get('/docs-json').expect(200);
  });
});
