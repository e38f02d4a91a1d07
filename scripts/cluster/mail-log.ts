import fs from 'node:fs';

/**
 * One message the SMTP sink took: when, its Message-ID and the notifier's X-Notification-Id (null when it had
 * none: `<streamId>.<position>.<channel>`, nothing personal), its size.
 */
export interface SunkMessage {
  at: string;
  messageId: string | null;
  notificationId?: string | null;
  bytes: number;
}

/** The Message-ID header of a raw message (a folded header line included), or undefined. */
export function messageIdOf(raw: string): string | undefined {
  return /^(<[^>\s]+>)/.exec(headerOf(raw, 'message-id') ?? '')?.[1];
}

/** A header's value (unfolded, trimmed) from the header block of a raw message, or undefined. */
export function headerOf(raw: string, name: string): string | undefined {
  const headers = (raw.split(/\r?\n\r?\n/, 1)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const line = headers.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** Every message the sink wrote to `file` so far (none when it does not exist yet). */
export function readMailLog(file: string): SunkMessage[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SunkMessage);
}
