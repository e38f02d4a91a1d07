import { randomUUID } from 'node:crypto';
import { NO_STREAM } from '@kurrent/kurrentdb-client';
import { compareCheckpoints, isCheckpoint, START } from '../checkpoint';
import { EventStoreError } from '../errors';
import type {
  Checkpoint,
  IntegrityProblem,
  LogVerification,
  SealExport,
  SealVerification,
  VerificationReport,
  VerifyLogOptions,
} from '../event-store.port';
import { ChainVerifier } from '../hash/chain-verifier';
import { checkSealChain } from '../hash/seal-chain';
import { SEAL_FORMAT, SealHasher } from '../hash/seal-hash';
import { SEALS_STREAM, type KurrentClient } from './kurrentdb-client';
import { lastEvent, readAll, readStream } from './kurrentdb-reads';

const PAGE = 2000;

/** Every stream id of the log, in first-seen order (one pass over $all). */
async function streamIds(client: KurrentClient): Promise<string[]> {
  const ids = new Set<string>();
  let after = START;
  for (;;) {
    const page = await readAll(client, { after, limit: PAGE });
    page.events.forEach((e) => ids.add(e.streamId));
    if (page.events.length < PAGE) return [...ids].sort();
    after = page.checkpoint;
  }
}

/** Walks the chains stored in the events' metadata. KurrentDB keeps no separate stream head to compare with. */
export async function verifyChains(client: KurrentClient, streamId?: string): Promise<VerificationReport> {
  const ids = streamId === undefined ? await streamIds(client) : [streamId];
  let current: { streamId: string; hashes: Map<string, number> } | undefined;
  const verifier = new ChainVerifier(async (id, hash) =>
    current?.streamId === id ? (current.hashes.get(hash) ?? null) : null,
  );
  for (const id of ids) {
    const events = await readStream(client, id);
    current = { streamId: id, hashes: new Map(events.map((e) => [e.hash, e.streamPosition])) };
    for (const event of events) await verifier.add(event);
  }
  return verifier.finish();
}

async function hashRange(
  client: KurrentClient,
  prevSealHash: string | null,
  after: Checkpoint,
  upTo: Checkpoint,
): Promise<SealHasher> {
  const hasher = new SealHasher(prevSealHash, after, upTo);
  let from = after;
  for (;;) {
    const page = await readAll(client, { after: from, limit: PAGE });
    for (const event of page.events) {
      if (compareCheckpoints(event, upTo) > 0) return hasher;
      hasher.add(event.transactionId, event.globalPosition, String(event.recordedAt.getTime() * 1000), event.hash);
    }
    if (page.events.length < PAGE) return hasher;
    from = page.checkpoint;
  }
}

async function seals(client: KurrentClient): Promise<{ exported: SealExport; revision: number }[]> {
  return (await readStream(client, SEALS_STREAM)).map((e) => ({
    exported: e.data as unknown as SealExport,
    revision: e.streamPosition - 1,
  }));
}

export async function seal(
  client: KurrentClient,
  upToGiven?: Checkpoint,
  maxEvents = Number.POSITIVE_INFINITY,
): Promise<SealExport> {
  const previous = await lastEvent(client, SEALS_STREAM);
  const before = previous?.data as unknown as SealExport | undefined;
  const after = before?.upTo ?? START;
  let horizon = after;
  let counted = 0;
  for (;;) {
    const page = await readAll(client, { after: horizon, limit: Math.min(PAGE, maxEvents - counted) });
    horizon = page.events[page.events.length - 1] ?? horizon;
    counted += page.events.length;
    if (page.events.length < PAGE || counted >= maxEvents) break;
  }
  const upTo = upToGiven ?? { transactionId: horizon.transactionId, globalPosition: horizon.globalPosition };
  if (compareCheckpoints(upTo, after) < 0)
    throw new EventStoreError('SEAL_INVALID', 'upTo is before the end of the previous seal.');
  const prevSealHash = before?.sealHash ?? null;
  const hasher = await hashRange(client, prevSealHash, after, upTo);
  const exported: SealExport = {
    format: SEAL_FORMAT,
    algorithm: 'sha256',
    sealNumber: (before?.sealNumber ?? 0) + 1,
    after,
    upTo,
    eventCount: hasher.eventCount,
    prevSealHash,
    sealHash: hasher.digest(),
    createdAt: new Date().toISOString(),
  };
  const streamState = previous ? BigInt(previous.streamPosition - 1) : NO_STREAM;
  await client.appendToStream(
    SEALS_STREAM,
    [
      {
        id: randomUUID(),
        contentType: 'application/json',
        type: 'LogSealed',
        data: { ...exported },
        metadata: undefined,
      },
    ],
    { streamState },
  );
  return exported;
}

export async function verifySeal(client: KurrentClient, exported: SealExport): Promise<SealVerification> {
  if (exported?.format !== SEAL_FORMAT || !isCheckpoint(exported.after) || !isCheckpoint(exported.upTo)) {
    throw new EventStoreError('SEAL_INVALID', `Not an exported seal (${SEAL_FORMAT}).`);
  }
  const hasher = await hashRange(client, exported.prevSealHash, exported.after, exported.upTo);
  const recomputedHash = hasher.digest();
  const problems: string[] = [];
  if (hasher.eventCount !== exported.eventCount)
    problems.push(`the range now holds ${hasher.eventCount} events, the seal counted ${exported.eventCount}`);
  if (recomputedHash !== exported.sealHash) problems.push('the events of the range no longer give the sealed hash');
  const stored = await seals(client);
  const own = stored.find((s) => s.exported.sealNumber === exported.sealNumber)?.exported;
  const earlier = stored.find((s) => s.exported.sealNumber === exported.sealNumber - 1)?.exported;
  if (!own) problems.push(`seal #${exported.sealNumber} is not in the seal stream`);
  else if (own.sealHash !== exported.sealHash)
    problems.push(`the seal stream's copy of seal #${exported.sealNumber} differs from the exported one`);
  if (exported.sealNumber > 1 && earlier?.sealHash !== exported.prevSealHash) {
    problems.push(`the previous seal (#${exported.sealNumber - 1}) does not have the hash this seal chains to`);
  }
  return {
    ok: problems.length === 0,
    sealNumber: exported.sealNumber,
    eventCount: hasher.eventCount,
    expectedHash: exported.sealHash,
    recomputedHash,
    problems,
  };
}

export async function listSeals(client: KurrentClient): Promise<SealExport[]> {
  return (await seals(client)).map((s) => s.exported);
}

/** The whole log as KurrentDB keeps it: every chain, the chain of seals, each seal recomputed (no heads or witnesses). */
export async function verifyLog(client: KurrentClient, options: VerifyLogOptions = {}): Promise<LogVerification> {
  const started = performance.now();
  const chains = await verifyChains(client);
  options.onProgress?.(chains.eventsChecked, chains.eventsChecked);
  const all = await listSeals(client);
  const problems: IntegrityProblem[] = [...chains.problems, ...checkSealChain(all)];
  let sealed = 0;
  for (const exported of all) {
    const verdict = await verifySeal(client, exported);
    sealed += verdict.eventCount;
    if (!verdict.ok)
      problems.push({
        kind: 'seal_broken',
        sealNumber: exported.sealNumber,
        detail: `seal #${exported.sealNumber}: ${verdict.problems.join('; ')}`,
      });
  }
  return {
    ok: problems.length === 0,
    eventsChecked: chains.eventsChecked,
    streamsChecked: chains.streamsChecked,
    sealsChecked: all.length,
    lastSeal: all[all.length - 1] ?? null,
    unsealedEvents: Math.max(0, chains.eventsChecked - sealed),
    problems,
    warnings: all.length === 0 ? ['no seal has been taken yet'] : [],
    seconds: (performance.now() - started) / 1000,
  };
}
