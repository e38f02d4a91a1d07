import request from 'supertest';
import type { Role } from '@app/domain';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The authorisation matrix: every operation × every kind of caller, against a dossier of unit OWN. Each cell is the
 * status the caller must get, written out (not computed), so a change of rule shows up as a change of this table.
 *
 * - 401: no token. 403: a role that may not do this, or a unit that is not yours for a receipt or a report (units
 *   and roles are public knowledge). 404: a dossier of a unit you may not see, exactly as an unknown dossier.
 * - The admin's PUT of reference data sends a deliberately invalid file: 400 means it passed authorisation.
 * - Every caller but the anonymous one is a real account holding its role for its units (grants in force), named by
 *   its token. A director reads the dossiers and figures of their units and writes nothing.
 */
const OWN = 'tth-pvhcc';
const OTHER = 'tth-hcc-hue';
const AT = (minutes: number) => new Date(Date.parse('2020-09-01T03:00:00Z') + minutes * 60_000).toISOString();

const CALLERS = [
  'anonymous',
  'clerk of the unit',
  'clerk of another unit',
  'supervisor of the unit',
  'supervisor of another unit',
  'director of the unit',
  'director of another unit',
  'auditor',
  'admin',
] as const;
type Caller = (typeof CALLERS)[number];

interface Operation {
  /** Run as admin first, so that the operation is legal for the dossier's state. */
  prepare?: { action: string; body: object };
  call(dossier: { id: string; code: string }): { method: 'get' | 'post' | 'put'; path: string; body?: object };
}

const lifecycle = (action: string, body: object, prepare?: Operation['prepare']): Operation => ({
  prepare,
  call: ({ id }) => ({ method: 'post', path: `/api/v1/dossiers/${id}/${action}`, body: { ...body, at: AT(10) } }),
});

const OPERATIONS: Record<string, Operation> = {
  'POST /dossiers': {
    call: () => ({
      method: 'post',
      path: '/api/v1/dossiers',
      body: { procedureCode: 'T-DKDN-01', receivingUnitId: OWN, channel: 'counter', receivedAt: AT(0) },
    }),
  },
  'POST /receipt-refusals': {
    call: () => ({
      method: 'post',
      path: '/api/v1/receipt-refusals',
      body: {
        procedureCode: 'T-DKDN-01',
        receivingUnitId: OWN,
        channel: 'counter',
        reason: 'Không thuộc thẩm quyền',
        refusedAt: AT(0),
      },
    }),
  },
  transfer: lifecycle('transfer', { toUnitId: 'tth-hcc-huong-thuy' }),
  'request-supplement': lifecycle('request-supplement', { reason: 'Thiếu bản sao' }),
  'receive-supplement': lifecycle(
    'receive-supplement',
    {},
    { action: 'request-supplement', body: { reason: 'Thiếu bản sao', at: AT(5) } },
  ),
  'request-financial-obligation': lifecycle('request-financial-obligation', { amount: 100000 }),
  'fulfil-financial-obligation': lifecycle(
    'fulfil-financial-obligation',
    {},
    { action: 'request-financial-obligation', body: { at: AT(5) } },
  ),
  reschedule: lifecycle('reschedule', { newAppointmentDate: '2020-09-15', reason: 'Thư xin lỗi' }),
  'record-result': lifecycle('record-result', { outcome: 'approved' }),
  'return-result': lifecycle(
    'return-result',
    { via: 'counter' },
    { action: 'record-result', body: { outcome: 'approved', at: AT(5) } },
  ),
  withdraw: lifecycle('withdraw', { reason: 'Công dân rút hồ sơ' }),
  stop: lifecycle('stop', { reason: 'Dừng xử lý' }),
  correct: lifecycle('correct', { changes: { channel: 'online' }, reason: 'Nhập sai kênh' }),
  'GET /dossiers/{id}': { call: ({ id }) => ({ method: 'get', path: `/api/v1/dossiers/${id}` }) },
  'GET /dossiers/{id}/history': { call: ({ id }) => ({ method: 'get', path: `/api/v1/dossiers/${id}/history` }) },
  'GET /dossiers?code=': {
    call: ({ code }) => ({ method: 'get', path: `/api/v1/dossiers?code=${encodeURIComponent(code)}` }),
  },
  'GET /reference/units': { call: () => ({ method: 'get', path: '/api/v1/reference/units' }) },
  'PUT /reference/calendar': {
    call: () => ({ method: 'put', path: '/api/v1/reference/calendar', body: { format: 'csv', content: 'x' } }),
  },
  'GET /reports/dossier-figures': {
    call: () => ({ method: 'get', path: `/api/v1/reports/dossier-figures?from=2020-06-10&to=2020-09-04&unit=${OWN}` }),
  },
};

// prettier-ignore
const MATRIX: Record<keyof typeof OPERATIONS, Record<Caller, number>> = {
  //                                anonymous  clerk own  clerk other  sup. own  sup. other  dir. own  dir. other  auditor  admin
  'POST /dossiers':               row(401,       201,       403,         201,      403,        403,      403,        403,     201),
  'POST /receipt-refusals':       row(401,       201,       403,         201,      403,        403,      403,        403,     201),
  transfer:                       row(401,       200,       404,         200,      404,        403,      403,        403,     200),
  'request-supplement':           row(401,       200,       404,         200,      404,        403,      403,        403,     200),
  'receive-supplement':           row(401,       200,       404,         200,      404,        403,      403,        403,     200),
  'request-financial-obligation': row(401,       200,       404,         200,      404,        403,      403,        403,     200),
  'fulfil-financial-obligation':  row(401,       200,       404,         200,      404,        403,      403,        403,     200),
  reschedule:                     row(401,       200,       404,         200,      404,        403,      403,        403,     200),
  'record-result':                row(401,       200,       404,         200,      404,        403,      403,        403,     200),
  'return-result':                row(401,       200,       404,         200,      404,        403,      403,        403,     200),
  withdraw:                       row(401,       200,       404,         200,      404,        403,      403,        403,     200),
  stop:                           row(401,       200,       404,         200,      404,        403,      403,        403,     200),
  correct:                        row(401,       403,       403,         200,      404,        403,      403,        403,     200),
  'GET /dossiers/{id}':           row(401,       200,       404,         200,      404,        200,      404,        200,     200),
  'GET /dossiers/{id}/history':   row(401,       200,       404,         200,      404,        200,      404,        200,     200),
  'GET /dossiers?code=':          row(401,       200,       404,         200,      404,        200,      404,        200,     200),
  'GET /reference/units':         row(401,       200,       200,         200,      200,        200,      200,        200,     200),
  'PUT /reference/calendar':      row(401,       403,       403,         403,      403,        403,      403,        403,     400),
  'GET /reports/dossier-figures': row(401,       200,       403,         200,      403,        200,      403,        200,     200),
};

function row(...statuses: number[]): Record<Caller, number> {
  return Object.fromEntries(CALLERS.map((caller, i) => [caller, statuses[i] as number])) as Record<Caller, number>;
}

describe('authorisation matrix: every operation × every caller', () => {
  let subject: TestApp;
  const tokens = new Map<Caller, string | undefined>();
  const send = (token: string | undefined, call: ReturnType<Operation['call']>) => {
    const pending = request(subject.app.getHttpServer())[call.method](call.path);
    if (token) pending.set('Authorization', `Bearer ${token}`);
    return call.body ? pending.send(call.body) : pending;
  };

  beforeAll(async () => {
    subject = await createTestApp();
    // real accounts, one per caller: `clerk-tth-pvhcc`, `supervisor-tth-hcc-hue`, `auditor-all`, `admin-all`…
    const as = (role: Role, units: string[]) => subject.token(role, units);
    tokens.set('anonymous', undefined);
    tokens.set('clerk of the unit', await as('clerk', [OWN]));
    tokens.set('clerk of another unit', await as('clerk', [OTHER]));
    tokens.set('supervisor of the unit', await as('supervisor', [OWN]));
    tokens.set('supervisor of another unit', await as('supervisor', [OTHER]));
    tokens.set('director of the unit', await as('director', [OWN]));
    tokens.set('director of another unit', await as('director', [OTHER]));
    tokens.set('auditor', await as('auditor', ['*']));
    tokens.set('admin', await as('admin', ['*']));
  });
  afterAll(() => subject.close());

  const cells = Object.keys(OPERATIONS).flatMap((operation) => CALLERS.map((caller) => [operation, caller] as const));

  it.each(cells)('%s as %s', async (operation, caller) => {
    const admin = await subject.token('admin');
    const created = await send(admin, OPERATIONS['POST /dossiers']!.call({ id: '', code: '' })).expect(201);
    const dossier = created.body as { id: string; code: string };
    const { prepare, call } = OPERATIONS[operation] as Operation;
    if (prepare)
      await send(admin, {
        method: 'post',
        path: `/api/v1/dossiers/${dossier.id}/${prepare.action}`,
        body: prepare.body,
      }).expect(200);
    const response = await send(tokens.get(caller), call(dossier));
    expect({ status: response.status, code: response.body?.code }).toMatchObject({
      status: MATRIX[operation]?.[caller],
    });
  });

  it('leaves /health (up or down only) and the OpenAPI document open to everyone', async () => {
    await request(subject.app.getHttpServer()).get('/health').expect(200);
    await request(subject.app.getHttpServer()).get('/docs-json').expect(200);
  });
});
