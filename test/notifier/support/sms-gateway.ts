import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  to: string;
  text: string;
  reference: string;
  idempotencyKey: string | undefined;
}

/**
 * A small real HTTP server on loopback standing in for an SMS provider's gateway (no real SMS provider can run
 * here): it accepts `POST {to, text, reference}` with 202 and keeps what it got.
 */
export class FakeSmsGateway {
  readonly messages: ReceivedSms[] = [];
  private readonly server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<ReceivedSms, 'idempotencyKey'>;
        this.messages.push({ ...body, idempotencyKey: request.headers['idempotency-key'] as string | undefined });
        response.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"queued"}');
      } catch {
        response.writeHead(400).end();
      }
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
