import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EVENT_STORE, type PostgresEventStore } from '@app/event-store';
import { appendLog, chronologicalLog } from '@app/read-models/testing';
import { createTestApp, type TestApp } from '../support/test-app';

const ROOT = path.resolve(__dirname, '..', '..');
const VERIFIER = path.join(ROOT, 'tools', 'verify-export.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { ...options, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** `npm run dossier -- export …` on the app's database. */
const exportLog = (url: string, ...args: string[]): Promise<Run> =>
  run(path.join(ROOT, 'scripts/run.cjs'), ['scripts/cli/main.ts', 'export', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
  });

interface Line {
  kind: string;
  globalPosition?: number;
  streamId?: string;
  streamPosition?: number;
  sealNumber?: number;
  data?: Record<string, unknown>;
}

describe('npm run dossier -- export, checked by tools/verify-export.mjs alone', () => {
  let t: TestApp;
  let store: PostgresEventStore;
  const auditor = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-auditor-'));
  let verifier: string;
  let lines: string[];

  /** The verifier, copied alone into an empty folder, run there on `text` written as an export file. */
  const verify = (text: string, name = 'export.ndjson'): Promise<Run> => {
    fs.writeFileSync(path.join(auditor, name), text);
    return run(verifier, [name], { cwd: auditor, env: { PATH: process.env.PATH ?? '' } });
  };
  const parsed = (): Line[] => lines.map((l) => JSON.parse(l) as Line);

  beforeAll(async () => {
    t = await createTestApp({ SEAL_EVERY_EVENTS: '0', SEAL_EVERY_SECONDS: '0' });
    store = t.app.get<PostgresEventStore>(EVENT_STORE);
    const log = chronologicalLog({ seed: 18, dossiers: 60, from: '2020-07-01', days: 60 });
    const days = [...log];
    const half = Math.floor(days.length / 2);
    const versions = new Map<string, number>();
    await appendLog(store, days.slice(0, half), { perAppend: 7, versions });
    await store.seal({ maxEvents: 80 });
    await store.seal();
    await appendLog(store, days.slice(half), { perAppend: 7, versions });
    await store.seal();
    await appendLog(store, [...chronologicalLog({ seed: 19, dossiers: 5, from: '2020-09-01', days: 3 })]); // unsealed
    verifier = path.join(auditor, 'verify-export.mjs');
    fs.copyFileSync(VERIFIER, verifier);
    const exported = await exportLog(t.database.url);
    expect(exported).toMatchObject({ code: 0, stderr: expect.stringMatching(/exported \d+ events/) });
    lines = exported.stdout.trimEnd().split('\n');
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(auditor, { recursive: true, force: true });
  });

  it('exports every event with its hash, then the seals; the verifier alone in a folder says INTACT', async () => {
    const all = parsed();
    expect(fs.readdirSync(auditor)).toEqual(['verify-export.mjs']);
    expect(all[0]).toMatchObject({ kind: 'export', format: 'dossier-tracker/event-log-export@1', from: 1, seals: 3 });
    const events = all.filter((l) => l.kind === 'event');
    expect(events.length).toBeGreaterThan(200);
    expect(all.filter((l) => l.kind === 'seal').map((l) => l.sealNumber)).toEqual([1, 2, 3]);
    expect(all[all.length - 1]).toEqual({ kind: 'end', events: events.length, sealed: 0 });
    expect(events[0]).toMatchObject({ recordedAt: expect.stringMatching(/\.\d{6}Z$/), hash: expect.any(String) });

    const intact = await verify(`${lines.join('\n')}\n`);
    expect(intact.stdout).toMatch(/^INTACT: \d+ events of \d+ streams .*3 seals \(#1–#3/);
    expect(intact.code).toBe(0);
  });

  it('one byte of one event flipped: BROKEN naming that event', async () => {
    const at = lines.findIndex((l) => l.includes('"type":"DossierReceived"') && l.includes('"procedureCode":"'));
    const target = JSON.parse(lines[at] as string) as Line;
    const altered = [...lines];
    const i = (lines[at] as string).indexOf('"procedureCode":"') + '"procedureCode":"'.length;
    const text = lines[at] as string;
    altered[at] = `${text.slice(0, i)}${text[i] === 'X' ? 'Y' : 'X'}${text.slice(i + 1)}`;
    const broken = await verify(`${altered.join('\n')}\n`);
    expect(broken.code).toBe(1);
    expect(broken.stdout.split('\n')[0]).toBe(
      `BROKEN: stream ${target.streamId}, position ${target.streamPosition} (global position ${target.globalPosition}): altered — its content (type DossierReceived) does not give its hash`,
    );
  });

  it('a line dropped: BROKEN, the stream named where it goes on without it', async () => {
    const events = parsed();
    const third = (l: Line): Line | undefined =>
      events.find((o) => o.kind === 'event' && o.streamId === l.streamId && o.streamPosition === 3);
    const at = events.findIndex((l, i) => l.kind === 'event' && l.streamPosition === 2 && i > 20 && third(l));
    const next = third(events[at] as Line) as Line;
    const broken = await verify(`${lines.filter((_, i) => i !== at).join('\n')}\n`);
    expect(broken.code).toBe(1);
    expect(broken.stdout.split('\n')[0]).toBe(
      `BROKEN: stream ${next.streamId}, position 3 (global position ${next.globalPosition}): missing — the export holds the stream up to position 1, then goes on at 3`,
    );
    expect(broken.stdout).toMatch(/also: seal #\d broken: its range holds \d+ events in the export, the seal counted/);
  });

  it('a seal altered: BROKEN naming the seal', async () => {
    const at = lines.findIndex((l) => l.startsWith('{"kind":"seal"') && l.includes('"sealNumber":2'));
    const seal = JSON.parse(lines[at] as string) as { sealHash: string };
    const altered = [...lines];
    const forged = `${seal.sealHash.slice(0, -1)}${seal.sealHash.endsWith('0') ? '1' : '0'}`;
    altered[at] = (lines[at] as string).replace(seal.sealHash, forged);
    const broken = await verify(`${altered.join('\n')}\n`);
    expect(broken.code).toBe(1);
    expect(broken.stdout.split('\n')[0]).toMatch(/^BROKEN: seal #2 broken: the events of its range no longer give/);
    expect(broken.stdout).toMatch(/also: seal #3 does not name the hash of seal #2/);
  });

  it('a range of global positions: the events inside, the seals overlapping it as sealed-only lines outside', async () => {
    const events = parsed().filter((l) => l.kind === 'event');
    const from = events[Math.floor(events.length / 4)]?.globalPosition as number;
    const to = events[Math.floor(events.length / 2)]?.globalPosition as number;
    const part = await exportLog(t.database.url, '--from', String(from), '--to', String(to));
    expect(part.code).toBe(0);
    const partLines = part.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const inside = partLines.filter((l) => l.kind === 'event');
    expect(inside.every((l) => (l.globalPosition as number) >= from && (l.globalPosition as number) <= to)).toBe(true);
    expect(inside).toHaveLength(events.filter((l) => l.globalPosition! >= from && l.globalPosition! <= to).length);
    expect(partLines.some((l) => l.kind === 'sealed')).toBe(true);
    const ok = await verify(part.stdout, 'part.ndjson');
    expect(ok.stdout).toMatch(/^INTACT: /);
    expect(ok.code).toBe(0);
    await expect(exportLog(t.database.url, '--from', 'x')).resolves.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--from must be a global position/),
    });
  });
});
