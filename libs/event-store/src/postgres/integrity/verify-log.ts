import os from 'node:os';
import type { Pool } from 'pg';
import { START } from '../../checkpoint';
import type { IntegrityProblem, LogVerification, VerifyLogOptions } from '../../event-store.port';
import { LinkSums } from '../../hash/link-sums';
import { checkSealChain } from '../../hash/seal-chain';
import { listSeals } from '../seal';
import { walkChains } from '../verify';
import { planRanges } from './plan-ranges';
import { type ScanResult, scanRange } from './scan-range';
import { portableConnection, scanInWorker } from './scan-in-worker';
import { backdated, sealFindings } from './seal-findings';
import { sumStreamHeads } from './stream-heads';
import { checkWitnesses } from './witnesses';

/** Below this many events one thread does it all (starting workers costs more than it saves). */
const SMALL_LOG = 200_000;
/** More unbalanced buckets than this: walk every chain to name the broken links. */
const MAX_BUCKETS_TO_WALK = 256;

/**
 * The whole log in one consistent snapshot (docs/integrity.md): ranges of the log scanned in parallel worker
 * threads, each event's hash recomputed, hash links summed per bucket, each sealed range re-hashed; then stream heads
 * summed in, the chain of seals checked, the witnesses asked. Whatever fails is named: the streams of unbalanced
 * buckets are walked one by one to find the first broken link of each.
 */
export async function verifyLog(pool: Pool, options: VerifyLogOptions = {}): Promise<LogVerification> {
  const started = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]?.id as string;
    const seals = await listSeals(client);
    const lastSeal = seals[seals.length - 1] ?? null;
    const sealEnd = lastSeal?.upTo ?? START;
    const tail = Number(
      (
        await client.query<{ n: string }>({
          text: 'SELECT count(*)::text AS n FROM event_store.events WHERE (transaction_id, global_position) > ($1::xid8, $2::int8)',
          values: [sealEnd.transactionId, sealEnd.globalPosition],
        })
      ).rows[0]?.n ?? 0,
    );
    const total = seals.reduce((sum, s) => sum + s.eventCount, 0) + tail;
    const connection = portableConnection(pool.options as unknown as Record<string, unknown>);
    const workers = connection
      ? (options.workers ?? (total < SMALL_LOG ? 1 : Math.max(1, Math.min(4, os.cpus().length))))
      : 1;
    let done = 0;
    const progress = (events: number): void => {
      done += events;
      options.onProgress?.(done, total);
    };
    let scans: ScanResult[];
    let heads: Awaited<ReturnType<typeof sumStreamHeads>>;
    if (workers > 1 && connection) {
      const ranges = await planRanges(client, seals, tail, workers);
      // The heads are read on this connection while the workers scan on theirs.
      [scans, heads] = await Promise.all([
        Promise.all(ranges.map((range) => scanInWorker(connection, snapshot, range, progress))),
        sumStreamHeads(client),
      ]);
    } else {
      let previous = 0;
      scans = [
        await scanRange(client, { after: START, upTo: null, seals }, (events) => {
          progress(events - previous);
          previous = events;
        }),
      ];
      heads = await sumStreamHeads(client);
    }

    const sums = new LinkSums();
    for (const scan of scans) sums.merge(scan.lanes);
    sums.merge(heads.sums.lanes, -1);
    const streamsChecked = heads.streams;
    const altered = scans.flatMap((s) => s.altered);
    const suspicious = [...new Set([...sums.unbalanced(), ...altered.map((a) => a.bucket)])].sort((a, b) => a - b);
    const chainProblems: IntegrityProblem[] = [];
    if (suspicious.length > 0) {
      const walked = await walkChains(client, suspicious.length <= MAX_BUCKETS_TO_WALK ? { buckets: suspicious } : {});
      chainProblems.push(...walked.problems);
      if (walked.problems.length === 0) {
        chainProblems.push({
          kind: 'hash_mismatch',
          detail: `the hash links of ${suspicious.length} group(s) of streams do not meet, yet each stream walked alone is intact`,
        });
      }
    }
    const recomputed = scans.flatMap((s) => s.seals);
    const sealProblems = [...checkSealChain(seals), ...sealFindings(seals, recomputed)];
    const witnesses = await checkWitnesses(client);
    await client.query('COMMIT');

    const eventsChecked = scans.reduce((sum, s) => sum + s.events, 0);
    const sealedNow = recomputed.reduce((sum, s) => sum + s.eventCount, 0);
    const warnings = scans
      .flatMap((s) => s.tailSuspects)
      .map((s) => `after the last seal, ${backdated(s)} (not proof: a slow transaction can lag by a little)`);
    if (!lastSeal)
      warnings.push(
        'no seal has been taken yet: a change that rewrites every later hash of a stream would go unnoticed (see docs/integrity.md)',
      );
    const problems = [...chainProblems, ...sealProblems, ...witnesses.problems];
    return {
      ok: problems.length === 0,
      eventsChecked,
      streamsChecked,
      sealsChecked: seals.length,
      lastSeal,
      unsealedEvents: eventsChecked - sealedNow,
      problems,
      warnings,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
