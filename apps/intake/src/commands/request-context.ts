import { createHash, createHmac } from 'node:crypto';
import { isInstant, toInstant } from '@app/domain';
import type { EventMetadata } from '@app/event-store';
import { type Principal, roleFor } from '@app/platform';
import { invalidField } from '../dossiers/intake-errors';

/** What the HTTP layer passes to every command besides the body. */
export interface RequestContext {
  principal: Principal;
  correlationId: string;
  idempotencyKey?: string;
  /**
   * SHA-256 of the request (method, path, body) sent with an idempotency key: a repeat must be the same request. Kept
   * in memory only: what the log records is its HMAC (requestOptions), since the body may carry an applicant.
   */
  requestFingerprint?: string;
  ifMatch?: number;
}

/**
 * Who caused the events (the account, its display name at the time, the role it acted by) and for which unit:
 * recorded on every event the request causes.
 */
export function actorMetadata(context: RequestContext, unit: string): EventMetadata {
  const { principal } = context;
  return {
    actor: principal.subject,
    actorName: principal.name,
    role: roleFor(principal, unit) ?? principal.roles[0]?.role,
    unit,
    correlationId: context.correlationId,
  };
}

/**
 * What makes a command repeat-safe and conditional: the principal's idempotency key, the request's fingerprint keyed
 * with `fingerprintKey` (a plain hash of a body with an applicant in it would let whoever can guess the request link
 * the dossier to the person, in the log forever), If-Match.
 */
export function requestOptions(
  context: RequestContext,
  fingerprintKey: Buffer,
): {
  idempotencyKey?: string;
  requestFingerprint?: string;
  ifMatch?: number;
} {
  return {
    idempotencyKey: storeKey(context),
    requestFingerprint:
      context.idempotencyKey && context.requestFingerprint
        ? createHmac('sha256', fingerprintKey).update(context.requestFingerprint).digest('base64url')
        : undefined,
    ifMatch: context.ifMatch,
  };
}

/** Idempotency keys are per principal: two clerks may use the same key. */
export function storeKey(context: RequestContext): string | undefined {
  return context.idempotencyKey && `${context.principal.subject}:${context.idempotencyKey}`;
}

/** A stable UUID for "this principal's request with this key", so a repeat targets the same stream. */
export function idFromKey(context: RequestContext, salt: string): string | undefined {
  const key = storeKey(context);
  if (!key) return undefined;
  const hex = createHash('sha256').update(`${salt}:${key}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const CLOCK_SKEW_MS = 60_000;

/** The business time of a command: given (back-office entry) or now; never in the future. */
export function businessTime(field: string, given: string | undefined, now = Date.now()): string {
  if (given === undefined) return new Date(now).toISOString();
  if (!isInstant(given))
    throw invalidField(field, 'isISO8601', `${field} must be an ISO-8601 instant with a time zone`);
  if (Date.parse(given) > now + CLOCK_SKEW_MS)
    throw invalidField(field, 'notInFuture', `${field} must not be in the future`);
  return toInstant(given);
}
