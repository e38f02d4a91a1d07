import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { freePort } from './database';
import { EmbeddedPostgres, EmbeddedPostgresError, embeddedPasswordFile } from './embedded-postgres';
import { osUser } from './os-user';
import { postgresUrl } from './postgres-address';
import { postgresBinaries } from './postgres-binaries';

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

  it('asks every connection for the password (scram-sha-256), over TCP and the Unix socket; the password file is mode 0600', async () => {
    const dataDir = path.join(dir, 'locked');
    const server = new EmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
    await server.start();
    try {
      const { port, socketDir, password } = server.address;
      expect(socketDir).toBeDefined();
      expect(password).toBe(fs.readFileSync(embeddedPasswordFile(dataDir), 'utf8').trim());
      expect(fs.statSync(embeddedPasswordFile(dataDir)).mode & 0o777).toBe(0o600);

      await expect(query(postgresUrl({ port }, 'postgres'), 'SELECT 1')).rejects.toThrow(/password/);
      await expect(query(postgresUrl({ port, socketDir }, 'postgres'), 'SELECT 1')).rejects.toThrow(/password/);
      await expect(query(postgresUrl({ port, password: 'guessed' }, 'postgres'), 'SELECT 1')).rejects.toThrow(
        /password authentication failed/,
      );
      expect(await query(postgresUrl({ port, password }, 'postgres'), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(
        await query(
          server.url,
          "SELECT count(*)::int AS n FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'",
        ),
      ).toEqual([{ n: 0 }]);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(embeddedPasswordFile(dataDir))).toBe(false); // ephemeral
  });

  it('locks down a data directory initialised with "trust" (older versions) on its next start, keeping its data', async () => {
    const dataDir = path.join(dir, 'trusting');
    const runAs = process.getuid?.() === 0 ? osUser('postgres', { create: true }) : undefined;
    const identity = runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
    const binaries = postgresBinaries(runAs);
    fs.mkdirSync(dataDir, { mode: 0o700 });
    if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);
    // What the earlier EmbeddedPostgres did, and a table in it.
    const init = spawnSync(
      binaries.initdb,
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
      { ...identity, encoding: 'utf8' },
    );
    expect(init.status).toBe(0);
    const single = spawnSync(binaries.postgres, ['--single', '-D', dataDir, 'postgres'], {
      ...identity,
      input: 'CREATE TABLE kept (v int); INSERT INTO kept VALUES (7);\n',
      encoding: 'utf8',
    });
    expect(single.status).toBe(0);
    expect(fs.readFileSync(path.join(dataDir, 'pg_hba.conf'), 'utf8')).toMatch(
      /^host\s+all\s+all\s+127\.0\.0\.1\/32\s+trust/m,
    );

    const notices: string[] = [];
    const server = new EmbeddedPostgres({ dataDir, port: await freePort(), notice: (m) => notices.push(m) });
    await server.start();
    try {
      expect(notices.join('\n')).toMatch(/now asks every connection for the password/);
      await expect(query(postgresUrl({ port: server.address.port }, 'postgres'), 'SELECT 1')).rejects.toThrow(
        /password/,
      );
      expect(await query(server.url, 'SELECT v FROM kept')).toEqual([{ v: 7 }]);
    } finally {
      await server.stop();
    }
    // The next start has nothing to upgrade and keeps the password.
    const password = server.address.password;
    const again = new EmbeddedPostgres({ dataDir, port: await freePort(), notice: (m) => notices.push(m) });
    await again.start();
    expect(again.address.password).toBe(password);
    expect(await query(again.url, 'SELECT v FROM kept')).toEqual([{ v: 7 }]);
    await again.stop();
    expect(notices).toHaveLength(1);
  });
});
