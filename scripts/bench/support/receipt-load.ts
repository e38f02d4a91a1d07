import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { syntheticApplicant } from '../../scenario/synthetic-applicant';

/** The units and procedures of the bench's receipts (the shipped sample reference data). */
export const RECEIPT_UNITS = ['tth-pvhcc', 'tth-hcc-hue', 'tth-hcc-huong-thuy', 'tth-hcc-phu-vang'];
const PROCEDURES: Record<string, string> = { 'tth-pvhcc': 'T-DKDN-01' };

/** The headers that say who sends the receipts: a bearer token, or a session cookie with its CSRF token. */
export type Credentials = Record<string, string>;

/** What one load level measured. */
export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  total: number;
  failures: number;
  /** CPU milliseconds the server's process spent per request answered (Linux), if measured. */
  cpuMsPerRequest?: number;
}

/**
 * Receipts (POST /api/v1/dossiers, each with its own Idempotency-Key, as counters send them) from autocannon on
 * `connections` connections for `seconds`: the same client and request shape for the app and for the bare anchor.
 */
export async function receiptLoad(
  url: string,
  credentials: Credentials,
  connections: number,
  seconds: number,
  options: { applicants?: boolean } = {},
): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/dossiers',
        setupRequest: (request) => {
          const unit = RECEIPT_UNITS[n++ % RECEIPT_UNITS.length] as string;
          const minute = n % (8 * 60);
          const receivedAt = new Date(
            Date.UTC(2020, 8, 1 + (n % 3), 1 + Math.floor(minute / 60), minute % 60),
          ).toISOString();
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              ...credentials,
              'idempotency-key': randomUUID(),
            },
            body: JSON.stringify({
              procedureCode: PROCEDURES[unit] ?? 'H-HKD-01',
              receivingUnitId: unit,
              channel: n % 5 === 0 ? 'postal' : 'counter',
              receivedAt,
              ...(options.applicants ? { applicant: syntheticApplicant(`bench:${n}`) } : {}),
            }),
          };
        },
      },
    ],
  });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total ?? result.requests.sent,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
