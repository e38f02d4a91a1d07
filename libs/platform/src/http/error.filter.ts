import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';

/** An error a module raises on purpose: a code, an HTTP status and a sentence the user understands. */
export class ApplicationError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; rule: string; message: string }[];
  [key: string]: unknown;
}

/** Every error leaves as `{ statusCode, code, message, ... }`; never a stack trace; a 500 only for real faults. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error((exception as Error)?.stack ?? String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof ApplicationError) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, ...exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { message: String(raw) };
      const message = Array.isArray(given.message) ? given.message.join('; ') : String(given.message ?? exception.message);
      const { error: _error, ...rest } = given;
      if (status === 400 && !given.code && (exception.cause instanceof SyntaxError || /JSON/.test(message))) {
        return { statusCode: 400, code: 'MALFORMED_BODY', message: `The request body is not valid JSON (${message}).` };
      }
      return { ...rest, statusCode: status, code: String(given.code ?? defaultCode(status)), message };
    }
    if (isStatusError(exception)) {
      // an error another lib raises on purpose (the event store's): its code and status, never its internals when 5xx
      if (exception.httpStatus >= 500) return { statusCode: 503, code: exception.code, message: 'Dịch vụ tạm thời không sẵn sàng; vui lòng thử lại.' };
      return { statusCode: exception.httpStatus, code: exception.code, message: exception.message, ...exception.details };
    }
    if (isBodyParserError(exception)) {
      return { statusCode: 400, code: 'MALFORMED_BODY', message: 'The request body is not valid JSON.' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Internal error; it has been logged.' };
  }
}

/** An error that says which HTTP status it answers (libs that cannot import this one, e.g. EventStoreError). */
interface StatusError extends Error {
  code: string;
  httpStatus: number;
  details?: Record<string, unknown>;
}

function isStatusError(e: unknown): e is StatusError {
  return e instanceof Error && typeof (e as Partial<StatusError>).httpStatus === 'number' && typeof (e as Partial<StatusError>).code === 'string';
}

function isBodyParserError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'type' in e && (e as { type: unknown }).type === 'entity.parse.failed';
}

function defaultCode(status: number): string {
  return (
    { 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 412: 'PRECONDITION_FAILED', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 422: 'UNPROCESSABLE' }[status] ??
    'ERROR'
  );
}
