import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { type Observable, from, mergeMap, of } from 'rxjs';
import { ApplicationError, type Principal } from '@app/platform';
import { IdempotentRequestsStore } from '../persistence/idempotent-requests.store';

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on a POST: the first answer is kept; a repeat gets it back (header `Idempotent-Replayed: true`)
 * and appends nothing. The same key with a different request is refused (422). Concurrent repeats that both miss
 * here are caught by the event store's idempotency key (see DossierRepository).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotentRequestsStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header('idempotency-key');
    if (key === undefined || request.method !== 'POST' || !request.principal) return next.handle();
    if (!KEY.test(key)) {
      throw new ApplicationError(400, 'VALIDATION_FAILED', 'Idempotency-Key must be 1–200 printable ASCII characters', {
        errors: [{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 1–200 printable ASCII characters' }],
      });
    }
    const subject = request.principal.subject;
    const fingerprint = createHash('sha256').update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    return from(this.store.find(subject, key)).pipe(
      mergeMap((found) => {
        if (found) {
          if (found.fingerprint !== fingerprint) {
            throw new ApplicationError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
          }
          response.status(found.statusCode).setHeader('Idempotent-Replayed', 'true');
          return of(found.body);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.store.save(subject, key, { fingerprint, statusCode: response.statusCode, body });
            return body;
          }),
        );
      }),
    );
  }
}
