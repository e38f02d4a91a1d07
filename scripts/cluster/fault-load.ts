import { randomUUID } from 'node:crypto';
import { syntheticApplicant } from '../scenario/synthetic-applicant';
import { type Attempt, kindOfAnswer, kindOfFailure } from './attempt-kinds';
import { CLUSTER_UNITS } from './cluster';
import type { Acknowledged } from './fault-checks';

export type { Attempt } from './attempt-kinds';

/**
 * The days the receipts are dated over (today and the days before: `receivedAt` is business time, a late entry as
 * the API allows). A unit's day has 9,999 dossier numbers (the code's four digits; docs/dossier-codes.md) and the
 * sample data has one unit open today: one day would be exhausted after 9,999 receipts (a run at 50 receipts/s
 * gets there in 200 s) and every receipt after it refused with 409 DAILY_SEQUENCE_EXHAUSTED (CLUSTER_RECEIPT_DAYS=1
 * shows it).
 */
export const RECEIPT_DAYS = Number(process.env.CLUSTER_RECEIPT_DAYS ?? 60);
const DAY_MS = 86_400_000;

/**
 * The answers after which a counter's software sends the same receipt again, with the same Idempotency-Key (the
 * log records it once whatever happened to the earlier tries): no answer at all (connection refused or reset, a
 * timeout), a server error (500, and 502/503/504 from the load balancer or a stopping app: what the web client
 * retries, apps/web/src/receipt/server-errors.ts), and a 409 of the event store's concurrency (a repeat racing its
 * first try). Any other answer is final: a 4xx refusal (409 DAILY_SEQUENCE_EXHAUSTED among them) is not retried.
 */
export function isRetryable(kind: string): boolean {
  if (!/^\d{3}\b/.test(kind)) return true; // no HTTP answer
  const status = Number(kind.slice(0, 3));
  if (status === 500 || status === 502 || status === 503 || status === 504) return true;
  return /^409 (CONCURRENT_MODIFICATION|WRONG_EXPECTED_VERSION)$/.test(kind);
}

/**
 * Counter clerks sending receipts through the load balancer, as their software does: each receipt with its own
 * Idempotency-Key, sent again with the same key after a retryable answer (isRetryable), 0.1 s doubling up to 2 s
 * between tries, until it is answered. A client gives a receipt up only after `giveUpAfterMs` without an answer —
 * the bound within which the test requires the cluster to recover; a given-up receipt fails the test. One receipt
 * in four names an applicant with an e-mail address (the notifier writes to them). `clients` loops run until
 * stop(), which waits for the receipts in progress to be answered.
 */
export function startReceiptLoad(options: {
  url: string;
  token: () => string;
  clients: number;
  giveUpAfterMs: number;
}): {
  attempts: Attempt[];
  acknowledged: Acknowledged[];
  /** Keys of the receipts given up after `giveUpAfterMs` without an answer (their fate unknown to the client). */
  abandoned: string[];
  /** Final answers that were neither success nor retryable (a 4xx): a bug of the app or of the test. */
  refused: string[];
  stop(): Promise<void>;
} {
  const attempts: Attempt[] = [];
  const acknowledged: Acknowledged[] = [];
  const abandoned: string[] = [];
  const refused: string[] = [];
  let running = true;
  let n = 0;
  const receipt = async (): Promise<void> => {
    const key = randomUUID();
    const i = n++;
    const email = i % 4 === 0;
    const applicant = email
      ? { ...syntheticApplicant(`cluster:${key}`), email: `cong-dan-${i}@example.test` }
      : undefined;
    const body = JSON.stringify({
      procedureCode: 'T-DKDN-01',
      receivingUnitId: CLUSTER_UNITS[i % CLUSTER_UNITS.length],
      channel: i % 5 === 0 ? 'postal' : 'counter',
      receivedAt: new Date(Date.now() - (i % RECEIPT_DAYS) * DAY_MS).toISOString(),
      ...(applicant ? { applicant } : {}),
    });
    const first = Date.now();
    for (let attempt = 1; ; attempt++) {
      let kind: string;
      let text = '';
      try {
        const response = await fetch(`${options.url}/api/v1/dossiers`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${options.token()}`,
            'idempotency-key': key,
          },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        text = await response.text();
        kind = kindOfAnswer(response.status, text);
        if (response.status === 201 || response.status === 200) {
          attempts.push({ at: Date.now(), ok: true, kind, key });
          acknowledged.push({ key, dossierId: (JSON.parse(text) as { id: string }).id, email });
          return;
        }
      } catch (error) {
        kind = kindOfFailure(error);
      }
      attempts.push({ at: Date.now(), ok: false, kind, key });
      if (!isRetryable(kind)) {
        refused.push(`${kind}: ${text.slice(0, 200)}`);
        return;
      }
      const pause = Math.min(100 * 2 ** (attempt - 1), 2000);
      if (Date.now() + pause - first > options.giveUpAfterMs) {
        abandoned.push(key);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  };
  const loops = Array.from({ length: options.clients }, async () => {
    while (running) await receipt();
  });
  return {
    attempts,
    acknowledged,
    abandoned,
    refused,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
