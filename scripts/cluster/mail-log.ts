import fs from 'node:fs';

/** One message the SMTP sink took: when, its Message-ID (null when it had none), its size. */
export interface SunkMessage {
  at: string;
  messageId: string | null;
  bytes: number;
}

/** The Message-ID header of a raw message (a folded header line included), or undefined. */
export function messageIdOf(raw: string): string | undefined {
  const headers = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const match = /^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^>\r\n]+>)/im.exec(headers);
  return match?.[1];
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
