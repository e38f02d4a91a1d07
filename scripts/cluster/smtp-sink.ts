/**
 * A loopback SMTP server for the notifiers (`node scripts/run.cjs scripts/cluster/smtp-sink.ts <port> <file>`): takes
 * every message (no authentication, no TLS, loopback only) and appends one line per message to `<file>`: when,
 * its Message-ID, its X-Notification-Id and its size — never the recipient or the text (personal data). The fault test counts the lines.
 */
import fs from 'node:fs';
import { headerOf, messageIdOf } from './mail-log';

interface SmtpServerLike {
  listen(port: number, host: string, callback: () => void): void;
  close(callback: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}

type SmtpServerClass = new (options: {
  authOptional: boolean;
  disabledCommands: string[];
  logger: boolean;
  size: number;
  onData: (stream: NodeJS.ReadableStream, session: unknown, callback: (error?: Error | null) => void) => void;
}) => SmtpServerLike;

async function main(): Promise<void> {
  const [port, file] = [Number(process.argv[2]), process.argv[3]];
  if (!port || !file) throw new Error('usage: smtp-sink.ts <port> <file>');
  const moduleName = 'smtp-server';
  const { SMTPServer } = (await import(moduleName)) as { SMTPServer: SmtpServerClass };
  const out = fs.createWriteStream(file, { flags: 'a' });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const line = JSON.stringify({
          at: new Date().toISOString(),
          messageId: messageIdOf(raw) ?? null,
          notificationId: headerOf(raw, 'x-notification-id') ?? null,
          bytes: raw.length,
        });
        out.write(`${line}\n`, () => callback());
      });
      stream.on('error', (error: Error) => callback(error));
    },
  });
  server.on('error', (error) => console.error(`smtp sink: ${error.message}`));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  console.log(`smtp sink listening on 127.0.0.1:${port}, messages in ${file}`);
  const stop = (): void => server.close(() => out.end(() => process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
