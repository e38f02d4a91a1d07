import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { BODY_LIMIT_BYTES, MAX_JSON_DEPTH, UPLOAD_BODY_LIMIT_BYTES, UPLOAD_ROUTES, formatBytes } from './body-limits';
import { jsonDepthExceeds } from './json-depth';

/** A body refused before it reaches a handler; answered at once in the app's error shape. */
class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The app's only body parser: JSON in UTF-8, 100 KB (20 MB on the upload routes), arrays and objects nested at most
 * MAX_JSON_DEPTH deep (checked on the raw bytes before parsing). What it refuses is answered here, as
 * `{ statusCode, code, message }`: a too large body 413 naming the limit, a too deep or malformed one 400, another
 * charset 415. (Nest's exception filters do not see errors of Express middleware.)
 */
export function jsonBodyParser(): RequestHandler {
  const parsers = new Map(
    [BODY_LIMIT_BYTES, UPLOAD_BODY_LIMIT_BYTES].map((limit) => [limit, json({ limit, verify: checkBeforeParse })]),
  );
  return (request: Request, response: Response, next: NextFunction): void => {
    const limit = limitFor(request);
    const parse = parsers.get(limit) as RequestHandler;
    void parse(request, response, (error?: unknown) => {
      if (error === undefined || error === null) next();
      else answer(response, toBodyError(error, limit, request));
    });
  };
}

function limitFor(request: Request): number {
  const path = request.path;
  return UPLOAD_ROUTES.some((route) => route.method === request.method && route.path.test(path))
    ? UPLOAD_BODY_LIMIT_BYTES
    : BODY_LIMIT_BYTES;
}

function checkBeforeParse(_request: Request, _response: Response, bytes: Buffer, encoding: string): void {
  if (encoding.toLowerCase().replace('-', '') !== 'utf8') {
    throw new BodyError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `The request body must be JSON in UTF-8 (got charset ${encoding}).`,
    );
  }
  if (jsonDepthExceeds(bytes, MAX_JSON_DEPTH)) {
    throw new BodyError(
      400,
      'BODY_TOO_DEEP',
      `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`,
    );
  }
}

function toBodyError(error: unknown, limit: number, request: Request): BodyError {
  if (error instanceof BodyError) return error;
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  if (type === 'entity.too.large') {
    const upload =
      limit === UPLOAD_BODY_LIMIT_BYTES
        ? ''
        : ` (PUT /api/v1/reference/{kind} takes up to ${formatBytes(UPLOAD_BODY_LIMIT_BYTES)})`;
    return new BodyError(
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than the limit of ${formatBytes(limit)} for ${request.method} ${request.path}${upload}.`,
    );
  }
  if (type === 'entity.parse.failed')
    return new BodyError(400, 'MALFORMED_BODY', 'The request body is not valid JSON.');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new BodyError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'The request body must be JSON in UTF-8, uncompressed or gzip/deflate/br.',
    );
  }
  return new BodyError(400, 'BAD_REQUEST', 'The request body could not be read.');
}

function answer(response: Response, error: BodyError): void {
  if (response.headersSent) return;
  response.status(error.status).json({ statusCode: error.status, code: error.code, message: error.message });
}
