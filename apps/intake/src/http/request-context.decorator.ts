import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Principal } from '@app/platform';
import type { RequestContext } from '../commands/request-context';
import { invalidField } from '../dossiers/intake-errors';

/** Principal, correlation id (X-Correlation-Id or new), Idempotency-Key and If-Match of the request. */
export const CommandContext = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<Request & { principal: Principal }>();
  const ifMatchHeader = request.header('if-match');
  let ifMatch: number | undefined;
  if (ifMatchHeader !== undefined) {
    const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(ifMatchHeader.trim());
    if (!match) throw invalidField('If-Match', 'format', 'If-Match must be the dossier version (a whole number), e.g. If-Match: 3');
    ifMatch = Number(match[1]);
  }
  const correlation = request.header('x-correlation-id');
  return {
    principal: request.principal,
    correlationId: correlation && correlation.length <= 200 ? correlation : randomUUID(),
    idempotencyKey: request.header('idempotency-key'),
    ifMatch,
  };
});
