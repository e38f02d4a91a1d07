import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The per-stream hash chain (README "Hash chain" is the auditor's copy of this definition):
 *
 *   content = canonical JSON of { data, metadata, schemaVersion, streamId, type }   (RFC 8785, keys sorted)
 *   digest  = hex(sha256(utf8(content)))
 *   hash    = hex(sha256(utf8(prevHash + ":" + streamPosition + ":" + digest)))    prevHash = "" for position 1
 *
 * The digest is computed by the writer (Node); the link is computed by the database under the stream's row lock
 * (where the previous hash and the position are known), with the same formula.
 */
export interface HashedFields {
  streamId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** The canonical content, from already canonical data and metadata texts (avoids serialising twice). */
export function contentFromCanonical(
  streamId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
): string {
  return `{"data":${data},"metadata":${metadata},"schemaVersion":${schemaVersion},"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)}}`;
}

export function contentOf(fields: HashedFields): string {
  return canonicalJson({
    data: fields.data,
    metadata: fields.metadata,
    schemaVersion: fields.schemaVersion,
    streamId: fields.streamId,
    type: fields.type,
  });
}

export function contentDigest(fields: HashedFields): string {
  return sha256Hex(contentOf(fields));
}

export function chainLink(prevHash: string | null, streamPosition: number, digest: string): string {
  return sha256Hex(`${prevHash ?? ''}:${streamPosition}:${digest}`);
}

/** Recomputes an event's hash from its content and its recorded previous hash. */
export function eventHash(event: HashedFields & { streamPosition: number; prevHash: string | null }): string {
  return chainLink(event.prevHash, event.streamPosition, contentDigest(event));
}
