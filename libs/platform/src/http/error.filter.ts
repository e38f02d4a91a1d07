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
      const given =
        typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { message: String(raw) };
      const message = withoutQueryString(
        Array.isArray(given.message) ? given.message.join('; ') : String(given.message ?? exception.message),
        status,
      );
      const { error: _error, ...rest } = given;
      if (status === 400 && !given.code && (exception.cause instanceof SyntaxError || /JSON/.test(message))) {
        // not the parser's words: V8's quote the body around the fault (`Unexpected token 'T', "{"fullName": Tôn…`)
        return { statusCode: 400, code: 'MALFORMED_BODY', message: 'The request body is not valid JSON.' };
      }
      return { ...rest, statusCode: status, code: String(given.code ?? defaultCode(status)), message };
    }
    if (isClassifiedError(exception)) {
      // an error another lib raises on purpose (a domain rejection, a store error, a report parameter): its kind
      // says the status; a fault or an outage never shows its internals
      const status = KIND_STATUS[exception.kind];
      if (status >= 500) {
        if (status === 503)
          return {
            statusCode: 503,
            code: exception.code,
            message: 'Dịch vụ tạm thời không sẵn sàng; vui lòng thử lại.',
          };
        return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error; it has been logged.' };
      }
      return { statusCode: status, code: exception.code, message: exception.message, ...exception.details };
    }
    if (isBodyParserError(exception)) {
      return { statusCode: 400, code: 'MALFORMED_BODY', message: 'The request body is not valid JSON.' };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Internal error; it has been logged.',
    };
  }
}

/**
 * The kinds of refusal the libs classify their errors by (they cannot import this one, and need not know HTTP):
 * DossierRejected (domain), AccountError (domain), EventStoreError (event store), ReportParameterError (reports),
 * AuthenticationError (accounts). The one mapping to statuses.
 */
const KIND_STATUS = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  too_many_requests: 429,
  unavailable: 503,
  fault: 500,
} as const;

interface ClassifiedError extends Error {
  code: string;
  kind: keyof typeof KIND_STATUS;
  details?: Record<string, unknown>;
}

function isClassifiedError(e: unknown): e is ClassifiedError {
  const { code, kind } = (e ?? {}) as Partial<ClassifiedError>;
  return e instanceof Error && typeof code === 'string' && typeof kind === 'string' && Object.hasOwn(KIND_STATUS, kind);
}

function isBodyParserError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'type' in e && (e as { type: unknown }).type === 'entity.parse.failed';
}

/**
 * Nest answers a URL no route serves with `Cannot GET <url>`: the query string is left out, where look-ups carry their
 * values (an applicant's ID number, phone or name), so that a mistyped URL does not echo them.
 */
function withoutQueryString(message: string, status: number): string {
  return status === 404 ? message.replace(/^(Cannot [A-Z]+ [^?\s]*)\?\S*$/, '$1') : message;
}

function defaultCode(status: number): string {
  return (
    {
      400: 'BAD_REQUEST',
      401: 'UNAUTHENTICATED',
      403: 'FORBIDDEN',
      404: 'NOT_FOUND',
      409: 'CONFLICT',
      412: 'PRECONDITION_FAILED',
      413: 'PAYLOAD_TOO_LARGE',
      415: 'UNSUPPORTED_MEDIA_TYPE',
      422: 'UNPROCESSABLE',
    }[status] ?? 'ERROR'
  );
}
