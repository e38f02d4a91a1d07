import http from 'node:http';
import { Pool } from 'pg';

/**
 * The anchor of bench:intake: the least a receipt endpoint can do — plain Node `http` and `pg`, the JSON body
 * parsed and inserted as it came, one INSERT per request committed synchronously (durable before the 201), into a
 * table of its own on the app's database. No framework, no validation, no token, no code, no hash, no projection.
 * Run as a process of its own (like the app): PORT, HOST, DATABASE_URL, DATABASE_POOL_SIZE.
 */
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  options: '-c synchronous_commit=on', // the server's default, on every connection: it is the point
});
pool.on('error', () => undefined);

const TABLE = 'bench_bare_receipts';

async function main(): Promise<void> {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (id bigserial PRIMARY KEY, idempotency_key text, body jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`,
  );
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') return answer(res, 200, '{"status":"up"}');
    if (req.method !== 'POST') return answer(res, 404, '{}');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(res, 400, '{}');
      }
      const key = req.headers['idempotency-key'];
      pool
        .query<{ id: string }>(`INSERT INTO ${TABLE} (idempotency_key, body) VALUES ($1, $2) RETURNING id`, [
          typeof key === 'string' ? key : null,
          JSON.stringify(body),
        ])
        .then(
          (result) => answer(res, 201, JSON.stringify({ id: result.rows[0]?.id })),
          () => answer(res, 500, '{}'),
        );
    });
  });
  server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}

function answer(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
