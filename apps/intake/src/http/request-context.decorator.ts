import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Principal } from '@app/platform';
import type { RequestContext } from '../commands/request-context';
import { invalidField } from '../dossiers/intake-errors';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function fingerprint(request: Request): string {
  return createHash('sha256')
    .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
    .digest('base64url');
}

/** Principal, correlation id (X-Correlation-Id or new), Idempotency-Key (with the request's fingerprint) and If-Match. */
export const CommandContext = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<Request & { principal: Principal }>();
  const ifMatchHeader = request.header('if-match');
  let ifMatch: number | undefined;
  if (ifMatchHeader !== undefined) {
    const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(ifMatchHeader.trim());
    if (!match)
      throw invalidField(
        'If-Match',
        'format',
        'If-Match must be the dossier version (a whole number), e.g. If-Match: 3',
      );
    ifMatch = Number(match[1]);
  }
  const correlation = request.header('x-correlation-id');
  const idempotencyKey = request.header('idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw invalidField('Idempotency-Key', 'format', 'Idempotency-Key must be 1–200 printable ASCII characters');
  }
  return {
    principal: request.principal,
    correlationId: correlation && correlation.length <= 200 ? correlation : randomUUID(),
    idempotencyKey,
    requestFingerprint: idempotencyKey === undefined ? undefined : fingerprint(request),
    ifMatch,
  };
});
