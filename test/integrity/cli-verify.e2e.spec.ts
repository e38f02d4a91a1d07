import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { events } from '@app/event-store/testing';
import { createPgTestStore, type PgTestStore } from '@app/event-store/testing';

const ROOT = path.resolve(__dirname, '..', '..');

/** `npm run dossier -- <args>` on the test database; resolves with the exit code and the output. */
function dossier(url: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'scripts/run.cjs'), 'scripts/cli/main.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// Each test starts the CLI several times (a few seconds each on a busy machine): more than the default minute.
jest.setTimeout(240_000);

describe('npm run dossier -- verify / seal', () => {
  let h: PgTestStore;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-seal-'));
  beforeAll(async () => {
    h = await createPgTestStore();
    for (const id of ['dossier-a', 'dossier-b']) await h.store.append(id, events(4));
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('verify exits 0 on an intact log, 1 naming the first broken link; seal create/list/export/verify', async () => {
    const created = await dossier(h.url, 'seal', 'create');
    expect(created).toMatchObject({ code: 0, stdout: expect.stringMatching(/^sealed #1 +8 events/) });
    await h.store.append('dossier-a', events(1), { expectedVersion: 4 });
    await expect(dossier(h.url, 'seal', 'list')).resolves.toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^#1 +8 events +global positions 1–8/),
    });
    const exported = await dossier(h.url, 'seal', 'export', '1');
    expect(exported.code).toBe(0);
    const file = path.join(dir, 'seal-1.json');
    fs.writeFileSync(file, exported.stdout);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      format: 'dossier-tracker/event-store-seal@1',
      sealNumber: 1,
      eventCount: 8,
    });

    const intact = await dossier(h.url, 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Checked 9 events of 2 streams and 1 seals/);
    expect(intact.stdout).toMatch(/^INTACT/m);
    await expect(dossier(h.url, 'verify', '--stream', 'dossier-b')).resolves.toMatchObject({ code: 0 });
    await expect(dossier(h.url, 'seal', 'verify', file)).resolves.toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/Seal #1: INTACT/),
    });

    const attacker = new Client({ connectionString: h.url });
    await attacker.connect();
    await attacker.query('SET session_replication_role = replica');
    await attacker.query("DELETE FROM event_store.events WHERE stream_id = 'dossier-b' AND stream_position = 2");
    await attacker.end();

    const broken = await dossier(h.url, 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^BROKEN: stream dossier-b, position 2: missing \(deleted\) — position 2 is absent/m);
    expect(broken.stdout).toMatch(/also: seal #1: a sealed range changed — .*1 event\(s\) were deleted/);
    await expect(dossier(h.url, 'verify', '--stream', 'dossier-b')).resolves.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/BROKEN: stream dossier-b, position 2: missing/),
    });
    await expect(dossier(h.url, 'verify', '--stream', 'dossier-a')).resolves.toMatchObject({ code: 0 });
    await expect(dossier(h.url, 'seal', 'verify', file)).resolves.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/Seal #1: BROKEN — the range now holds 7 events, the seal counted 8/),
    });
  });
});
