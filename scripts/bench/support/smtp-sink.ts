import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the sink accepted, parsed (mailparser). */
export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  messageId: string;
  /** Date.now() when the server answered 250 to DATA. */
  receivedAt: number;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what it accepts in memory. `refuse(n)`
 * answers the next `n` messages with 451 (a temporary failure), `refuse(Infinity)` all of them.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private refusals = 0;
  refused = 0;
  private readonly server: SMTPServer;
  port = 0;

  constructor(private readonly options: { parse?: boolean } = {}) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.refusals > 0) {
            this.refusals--;
            this.refused++;
            const error = Object.assign(new Error('4.3.0 Mailbox temporarily unavailable, try again later'), {
              responseCode: 451,
            });
            callback(error);
            return;
          }
          const receivedAt = Date.now();
          const to = session.envelope.rcptTo.map((r) => r.address).join(',');
          const raw = Buffer.concat(chunks);
          callback(null, 'accepted');
          void this.record(raw, to, receivedAt);
        });
      },
    });
  }

  private async record(raw: Buffer, to: string, receivedAt: number): Promise<void> {
    if (this.options.parse === false) {
      const head = raw.toString('latin1', 0, Math.min(raw.length, 4096));
      const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
      this.mails.push({ to, from: '', subject: '', text: '', messageId, receivedAt });
      return;
    }
    const parsed: ParsedMail = await simpleParser(raw);
    this.mails.push({
      to,
      from: parsed.from?.text ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      messageId: parsed.messageId ?? '',
      receivedAt,
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this.url;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(count: number): void {
    this.refusals = count;
  }

  /** Waits until `predicate` holds for the received mails (polling); throws with what arrived after `timeoutMs`. */
  async waitFor(predicate: (mails: ReceivedMail[]) => boolean, timeoutMs = 60_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.mails)) {
      if (Date.now() > deadline)
        throw new Error(
          `SMTP sink: condition not met in ${timeoutMs} ms; received ${this.mails.length}: ${this.mails.map((m) => m.subject).join(' | ')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return this.mails;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
