/**
 * What each HTTP attempt of the fault test's clients got, as a short kind: `201`, `503 SERVICE_UNAVAILABLE` (the
 * status and the body's error code), `502 (no code)` (nginx's own page), `timeout`, `connection refused`,
 * `connection reset`, `socket closed`… Summed per kill window and for the whole run, so a client error is never just
 * a count.
 */

/** One HTTP attempt of a client: when it ended, whether it got its answer, what it got, for which receipt. */
export interface Attempt {
  at: number;
  ok: boolean;
  kind: string;
  key: string;
}

/** The kind of an HTTP answer: its status, and the `code` of a JSON error body (`(no code)` otherwise). */
export function kindOfAnswer(status: number, body: string): string {
  if (status < 400) return String(status);
  let code: unknown;
  try {
    code = (JSON.parse(body) as { code?: unknown }).code;
  } catch {
    code = undefined;
  }
  return `${status} ${typeof code === 'string' && code ? code : '(no code)'}`;
}

/** The kind of a failed fetch: a timeout, or the socket error under undici's `fetch failed`. */
export function kindOfFailure(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: string; cause?: unknown };
  if (e?.name === 'TimeoutError') return 'timeout';
  if (e?.name === 'AbortError') return 'aborted';
  const cause = (e?.cause ?? e) as { code?: string; message?: string; cause?: unknown };
  const code = cause?.code ?? (cause?.cause as { code?: string } | undefined)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EPIPE':
      return 'broken pipe';
    case 'UND_ERR_SOCKET':
      return 'socket closed by the server';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `timeout (${code})`;
    case undefined:
      return `error: ${(cause?.message ?? e?.message ?? String(error)).slice(0, 80)}`;
    default:
      return `error ${code}`;
  }
}

/** Failed attempts counted by kind, the most frequent first. */
export function failuresByKind(attempts: readonly Attempt[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of attempts) if (!a.ok) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
}

/** `503 SERVICE_UNAVAILABLE ×12, timeout ×3`, or `none`. */
export function describeFailures(attempts: readonly Attempt[]): string {
  const kinds = failuresByKind(attempts);
  return kinds.length ? kinds.map(([kind, n]) => `${kind} ×${n}`).join(', ') : 'none';
}
