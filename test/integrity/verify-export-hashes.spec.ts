import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { EXPORT_FORMAT, SEAL_FORMAT, canonicalJson, eventHash } from '@app/event-store';
import { SealHasher } from '@app/event-store/testing';

const VERIFIER = path.resolve(__dirname, '..', '..', 'tools', 'verify-export.mjs');

/**
 * tools/verify-export.mjs re-implements the event hash, canonical JSON and the seal hash so that an auditor needs
 * nothing of the project: here, exports of random events hashed and sealed by libs/event-store itself must be found
 * INTACT by it, and the same exports with one hash changed BROKEN — the two definitions cannot drift apart.
 */
const member = fc.oneof(
  fc.constantFrom('a', 'B', 'é', '10', '2', '__proto__', '😀', 'ả', 'a\u0000b', '"q"', '\\', '\u2028', ''),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
);
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(1e21, 1e-7, -0, 0.1, 123456789.123, 2 ** 53, -1.5e-300),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(member, tie('value'), { maxKeys: 5 }),
  ),
})).value;

const eventArb = fc.record({
  stream: fc.constantFrom('dossier-a', 'dossier-b', 'reference-units', 'account-ả'),
  type: fc.constantFrom('DossierReceived', 'ResultRecorded', 'Tên "lạ"'),
  schemaVersion: fc.integer({ min: 1, max: 3 }),
  data: fc.dictionary(member, json, { maxKeys: 6 }),
  metadata: fc.dictionary(member, json, { maxKeys: 4 }),
});

type EventSpec = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function exportOf(events: EventSpec[]): string[] {
  const heads = new Map<string, { position: number; hash: string | null }>();
  const rows = events.map((e, i) => {
    const head = heads.get(e.stream) ?? { position: 0, hash: null };
    const position = head.position + 1;
    const data = { occurredAt: '2020-09-04T01:02:03.000Z', ...e.data };
    const hash = eventHash({ ...e, streamId: e.stream, data, streamPosition: position, prevHash: head.hash });
    heads.set(e.stream, { position, hash });
    const micros = String(1_599_181_323_000_000 + i * 1_001 + (i % 7));
    const recordedAt = `${new Date(Number(micros.slice(0, -3))).toISOString().slice(0, -1)}${micros.slice(-3)}Z`;
    const line = `{"kind":"event","globalPosition":${i + 1},"transactionId":"${1000 + Math.floor(i / 3)}","recordedAt":"${recordedAt}","streamId":${JSON.stringify(e.stream)},"streamPosition":${position},"type":${JSON.stringify(e.type)},"schemaVersion":${e.schemaVersion},"prevHash":${JSON.stringify(head.hash)},"hash":"${hash}","data":${canonicalJson(data)},"metadata":${canonicalJson(e.metadata)}}`;
    return { line, transactionId: String(1000 + Math.floor(i / 3)), globalPosition: i + 1, micros, hash };
  });
  const upTo = rows[rows.length - 1] as (typeof rows)[number];
  const sealed = new SealHasher(null, { transactionId: '0', globalPosition: 0 }, upTo);
  for (const r of rows) sealed.add(r.transactionId, r.globalPosition, r.micros, r.hash);
  const seal = {
    kind: 'seal',
    format: SEAL_FORMAT,
    algorithm: 'sha256',
    sealNumber: 1,
    after: { transactionId: '0', globalPosition: 0 },
    upTo: { transactionId: upTo.transactionId, globalPosition: upTo.globalPosition },
    eventCount: sealed.eventCount,
    prevSealHash: null,
    sealHash: sealed.digest(),
    createdAt: new Date().toISOString(),
  };
  return [
    JSON.stringify({ kind: 'export', format: EXPORT_FORMAT, from: 1, to: rows.length, exportedAt: '', seals: 1 }),
    JSON.stringify(seal),
    ...rows.map((r) => r.line),
    JSON.stringify({ kind: 'end', events: rows.length, sealed: 0 }),
  ];
}

const verify = (file: string): Promise<{ code: number; stdout: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [VERIFIER, file], (error, stdout) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });

describe('tools/verify-export.mjs hashes as libs/event-store does', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-export-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([1, 2, 3, 4])('random events and their seal (run %i): INTACT; one hash changed: BROKEN', async (seed) => {
    const events = fc.sample(fc.array(eventArb, { minLength: 150, maxLength: 150 }), { seed, numRuns: 1 })[0] ?? [];
    const lines = exportOf(events);
    const file = path.join(dir, `export-${seed}.ndjson`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const intact = await verify(file);
    expect(intact.stdout).toMatch(/^INTACT: 150 events of \d streams .*1 seals \(#1–#1/);
    expect(intact.code).toBe(0);

    const at = 2 + 70;
    const line = lines[at] as string;
    const hash = (JSON.parse(line) as { hash: string }).hash;
    lines[at] = line.replace(hash, `${hash.slice(0, -1)}${hash.endsWith('a') ? 'b' : 'a'}`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const broken = await verify(file);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^BROKEN: stream .*, position \d+ \(global position 71\): altered/);
  });
});
