import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import { AccountsService } from '@app/accounts';
import { ensureAccountToken } from '@app/accounts/testing';
import {
  type Database,
  EmbeddedPostgres,
  REPLICATION_HBA,
  configureHttp,
  copyPrimaryForStandby,
  freePort,
  loadConfig,
  openDatabase,
  postgresUrl,
  runMigrations,
  standbyOptions,
} from '@app/platform';
import { ALL_MIGRATIONS, StandaloneModule } from '@app/standalone';

const UNIT = 'hue-pvhcc';
const SECRET = 'standby-secret-standby-secret-standby-01';

/**
 * READ_DATABASE_URL on a real streaming standby (PostgreSQL 18, the embedded binaries): the work queue reads the
 * standby, and with `seen=` (read-your-writes) still answers the change the screen saw while the standby's replay
 * is paused (it reads the primary then); without `seen`, what the standby holds. Writes go to the primary.
 */
describe('work queue on a streaming standby (READ_DATABASE_URL)', () => {
  let dir: string;
  let primary: EmbeddedPostgres;
  let standby: EmbeddedPostgres;
  let database: Database;
  let app: INestApplication;
  let token: string;
  let onStandby: Client;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-standby-'));
    fs.chmodSync(dir, 0o755);
    const settings = { fsync: 'off', max_connections: '100' };
    const primaryOptions = {
      dataDir: path.join(dir, 'primary'),
      port: await freePort(),
      hba: REPLICATION_HBA,
      settings,
    };
    const standbyPort = await freePort([primaryOptions.port]);
    const standbyBase = { dataDir: path.join(dir, 'standby'), port: standbyPort, settings };
    await copyPrimaryForStandby({
      primary: primaryOptions,
      standby: standbyBase,
      slot: 'reporting_standby',
      databases: ['dossier_tracker'],
    });
    primary = new EmbeddedPostgres(primaryOptions);
    await primary.start();
    standby = new EmbeddedPostgres({ ...standbyBase, standby: standbyOptions(primary, 'reporting_standby') });
    await standby.start();
    const config = loadConfig({
      TOKEN_SECRET: SECRET,
      DATABASE_POOL_SIZE: '5',
      KEYS_DIR: path.join(dir, 'keys'),
      DATABASE_URL: postgresUrl(primary.address, 'dossier_tracker'),
      READ_DATABASE_URL: postgresUrl(standby.address, 'dossier_tracker'),
    });
    database = await openDatabase(config);
    await runMigrations(database.pool, ALL_MIGRATIONS);
    const moduleRef = await Test.createTestingModule({
      imports: [StandaloneModule.create({ config, database })],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
    configureHttp(app);
    await app.init();
    token = await ensureAccountToken(app.get(AccountsService), SECRET, 'clerk', [UNIT], 'standby.clerk');
    onStandby = new Client({ connectionString: postgresUrl(standby.address, 'dossier_tracker') });
    await onStandby.connect();
  }, 120_000);

  afterAll(async () => {
    await onStandby?.end();
    await app?.close();
    await database?.close();
    await standby?.stop();
    await primary?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());

  async function receive(): Promise<{ id: string; code: string; position: number }> {
    const body = { procedureCode: 'T-DKDN-01', receivingUnitId: UNIT, channel: 'counter' };
    const res = await http().post('/api/v1/dossiers').set('Authorization', `Bearer ${token}`).send(body).expect(201);
    const history = await http()
      .get(`/api/v1/dossiers/${res.body.id}/history`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    return { id: res.body.id, code: res.body.code, position: history.body.events.at(-1).globalPosition };
  }

  const queue = async (query: string): Promise<string[]> => {
    const res = await http()
      .get(`/api/v1/work-queue?unitId=${UNIT}&${query}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    return (res.body.items as { code: string }[]).map((i) => i.code);
  };

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not within 20 s: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('reads the standby; with seen= it answers the change even while the standby has not replayed it', async () => {
    const first = await receive();
    await until(async () => (await queue(`q=${first.code}`)).includes(first.code), 'the standby shows a receipt');

    await onStandby.query('SELECT pg_wal_replay_pause()');
    try {
      const fresh = await receive();
      // the primary's read models take it in (the projector runs there)...
      await until(
        async () =>
          (await database.pool.query('SELECT 1 FROM read_models.dossiers WHERE dossier_id = $1', [fresh.id]))
            .rowCount === 1,
        'the projector writes the dossier on the primary',
      );
      // ...the standby, paused, does not: a plain queue (read there) misses it, one asked with seen= lists it
      expect(await queue(`q=${fresh.code}`)).toEqual([]);
      expect(await queue(`q=${fresh.code}&seen=${fresh.id}:${fresh.position}`)).toEqual([fresh.code]);
    } finally {
      await onStandby.query('SELECT pg_wal_replay_resume()');
    }
    const later = await receive();
    await until(async () => (await queue(`q=${later.code}`)).includes(later.code), 'the standby catches up');
  }, 90_000);

  it('answers the dashboard and the figures from the standby (read-only snapshots)', async () => {
    const admin = await ensureAccountToken(app.get(AccountsService), SECRET, 'admin', ['*'], 'standby.admin');
    const query = 'from=2020-06-10&to=2020-09-04&unit=tth-pvhcc';
    for (const url of ['/api/v1/reports/dashboard', '/api/v1/reports/dossier-figures'])
      await http().get(`${url}?${query}`).set('Authorization', `Bearer ${admin}`).expect(200);
  });
});
