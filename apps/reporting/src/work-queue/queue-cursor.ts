import { isLocalDate } from '@app/domain';
import type { QueueKey } from '@app/read-models';

/**
 * The opaque cursor of a queue page: the key (due date, code) of the page's last dossier, as base64url JSON. Clients
 * pass it back unchanged; a cursor of another tab or other filters just continues that order from that key.
 */
export function encodeCursor(key: QueueKey): string {
  return Buffer.from(JSON.stringify([key.dueDate, key.code]), 'utf8').toString('base64url');
}

/** The key a cursor holds, or null when it is not one of ours (the caller answers 400). */
export function decodeCursor(cursor: string): QueueKey | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [dueDate, code] = parsed as unknown[];
  if (dueDate !== null && !isLocalDate(dueDate)) return null;
  if (typeof code !== 'string' || code.length === 0 || code.length > 100 || !/^[\x21-\x7e]+$/.test(code)) return null;
  return { dueDate, code };
}
