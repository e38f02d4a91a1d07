import { canonicalJsonOfParsed } from './parsed-json';
import { chainLink, contentFromCanonical, sha256Hex } from './event-hash';
import { canonicalFromJsonbText } from './jsonb-text';

/** An event as its row stores it: data and metadata as their stored JSON texts. */
export interface StoredEvent {
  streamId: string;
  streamPosition: number;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  hash: string;
  prevHash: string | null;
}

/**
 * Whether a stored event's hash still follows from its row (event-hash.ts), read as text.
 *
 * Fast path: the log stores the canonical texts the writer hashed (event-store/004), so the content is rebuilt
 * around them as they are and hashed, with no parse. A match is proof (short of a sha256 collision) that the stored
 * texts are byte for byte the hashed ones: each is one JSON value (the json column checks it), so neither can reach
 * into the other or into the fixed text around them.
 *
 * Otherwise the texts are canonicalised and hashed again: rows written before 004 hold PostgreSQL's jsonb text form
 * (hash/jsonb-text.ts). Any other text of the same JSON value verifies too (as jsonb, which normalised its input,
 * always did), but not a text with a key twice in one object: jsonb could not store one, JSON.parse keeps the
 * last, and readers may not agree on which counts. An altered event fails both ways.
 */
export function storedEventIntact(event: StoredEvent): boolean {
  if ((event.streamPosition === 1) !== (event.prevHash === null)) return false;
  if (hashOf(event, event.data, event.metadata) === event.hash) return true;
  try {
    const data = canonicalOfText(event.data);
    const metadata = canonicalOfText(event.metadata);
    if (data === null || metadata === null || (data === event.data && metadata === event.metadata)) return false;
    return hashOf(event, data, metadata) === event.hash;
  } catch {
    return false;
  }
}

function hashOf(event: StoredEvent, data: string, metadata: string): string {
  const content = contentFromCanonical(event.streamId, event.type, event.schemaVersion, data, metadata);
  return chainLink(event.prevHash, event.streamPosition, sha256Hex(content));
}

/** The canonical form of a stored JSON text; null when an object in it has a key twice. Throws on invalid JSON. */
function canonicalOfText(text: string): string | null {
  const copied = canonicalFromJsonbText(text);
  if (copied !== null) return copied; // keeps a repeated key repeated: the hash then fails
  const parsed: unknown = JSON.parse(text);
  return keysInText(text) === keysInValue(parsed) ? canonicalJsonOfParsed(parsed) : null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** Object members written in a valid JSON text: strings followed by a colon. */
function keysInText(text: string): number {
  let keys = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) !== QUOTE) continue;
    let end = i + 1;
    for (;;) {
      const c = text.charCodeAt(end);
      if (c === QUOTE) break;
      end += c === BACKSLASH ? 2 : 1;
    }
    let next = end + 1;
    while (next < text.length && isJsonSpace(text.charCodeAt(next))) next += 1;
    if (text.charCodeAt(next) === COLON) keys += 1;
    i = end;
  }
  return keys;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Object members of a parsed value (a key written twice is one member). */
function keysInValue(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let keys = 0;
  if (Array.isArray(value)) {
    for (const item of value) keys += keysInValue(item);
    return keys;
  }
  for (const member of Object.values(value)) keys += 1 + keysInValue(member);
  return keys;
}
