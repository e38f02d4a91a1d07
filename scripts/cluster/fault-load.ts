import { randomUUID } from 'node:crypto';
import { syntheticApplicant } from '../scenario/synthetic-applicant';
import { CLUSTER_UNITS } from './cluster';
import type { Acknowledged } from './fault-checks';

/** One HTTP attempt of a client: when it ended and whether it got its answer. */
export interface Attempt {
  at: number;
  ok: boolean;
}

const MAX_TRIES = 8;

/**
 * Counter clerks sending receipts through the load balancer, as their software would: each receipt with its own
 * Idempotency-Key, retried with the same key after a network error, a 5xx or a 409 (a repeat still in progress),
 * 0.1 s doubling up to 2 s, at most 8 tries. One receipt in four names an applicant with an e-mail address (the
 * notifier writes to them). `clients` loops run until stop().
 */
export function startReceiptLoad(options: { url: string; token: () => string; clients: number }): {
  attempts: Attempt[];
  acknowledged: Acknowledged[];
  /** Receipts given up after MAX_TRIES (their fate unknown to the client). */
  abandoned: string[];
  /** Answers that were neither success nor retryable (a 4xx): a bug. */
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
      ...(applicant ? { applicant } : {}),
    });
    for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
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
        const text = await response.text();
        if (response.status === 201 || response.status === 200) {
          attempts.push({ at: Date.now(), ok: true });
          acknowledged.push({ key, dossierId: (JSON.parse(text) as { id: string }).id, email });
          return;
        }
        attempts.push({ at: Date.now(), ok: false });
        if (response.status < 500 && response.status !== 409) {
          refused.push(`${response.status} ${text.slice(0, 200)}`);
          return;
        }
      } catch {
        attempts.push({ at: Date.now(), ok: false });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** (attempt - 1), 2000)));
    }
    abandoned.push(key);
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
