import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './database';
import { EmbeddedPostgres, EmbeddedPostgresError } from './embedded-postgres';

describe('EmbeddedPostgres', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-embedded-'));
    fs.chmodSync(dir, 0o755);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const query = async (url: string, sql: string): Promise<unknown[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('keeps data across a stop and a restart, and refuses a second server on the same data', async () => {
    const dataDir = path.join(dir, 'data');
    const first = new EmbeddedPostgres({ dataDir, port: await freePort() });
    await first.start();
    await query(first.url, 'CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');

    const second = new EmbeddedPostgres({ dataDir, port: await freePort() });
    await expect(second.start()).rejects.toThrow(EmbeddedPostgresError);
    await expect(second.start()).rejects.toThrow(/already running/);

    await first.stop();
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);

    const again = new EmbeddedPostgres({ dataDir, port: await freePort() });
    await again.start();
    expect(await query(again.url, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
    await again.stop();
  });
});
