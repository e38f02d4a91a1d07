import { type LogEntry, logLevel } from 'kafkajs';
import type { MessagingLog } from '../messaging.port';

/**
 * kafkajs logs through this. It logs at ERROR every protocol error it is about to retry (a coordinator still
 * loading, a broker restarting), so its errors and warnings go to the host's log as warnings: what fails for good
 * reaches the caller as an exception, which the caller logs. Info goes to debug, kafkajs' debug nowhere. Without a
 * log function the client is silent (tests).
 */
export function kafkaLogCreator(log: MessagingLog | undefined) {
  return () =>
    ({ level, log: entry }: LogEntry): void => {
      if (!log) return;
      const { message, error, ...rest } = entry as { message: string; error?: string; [key: string]: unknown };
      const detail = [error, rest.broker ? `broker ${String(rest.broker)}` : undefined].filter(Boolean).join(', ');
      const text = `kafka: ${message}${detail ? ` (${detail})` : ''}`;
      if (level === logLevel.ERROR || level === logLevel.WARN) log('warn', text);
      else if (level === logLevel.INFO) log('debug', text);
    };
}
