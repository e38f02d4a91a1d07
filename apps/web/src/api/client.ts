/**
 * The one way the desk talks to the API: same-origin JSON, the session cookie, the session's CSRF token on every
 * write, and errors turned into ApiError with the server's Vietnamese message (never a stack or a raw status line).
 */
export interface FieldProblem {
  field: string;
  rule: string;
  message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined): void => {
  csrfToken = token;
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
  ifMatch?: string;
  signal?: AbortSignal;
}

const NETWORK_MESSAGE = 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.';

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiResponse<T>(path, options)).body;
}

/** The answer and what its headers say: whether it repeats an earlier answer (Idempotent-Replayed), its ETag. */
export async function apiResponse<T>(
  path: string,
  options: RequestOptions = {},
): Promise<{ body: T; replayed: boolean; etag: string | null }> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  const replayed = response.headers.get('Idempotent-Replayed') === 'true';
  const etag = response.headers.get('ETag');
  if (response.status === 204) return { body: undefined as T, replayed, etag };
  const text = await response.text();
  const json = text ? safeJson(text) : undefined;
  if (!response.ok) throw errorOf(response.status, json);
  return { body: json as T, replayed, etag };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorOf(status: number, json: unknown): ApiError {
  const body = (json ?? {}) as { code?: string; error?: string; message?: string | string[]; errors?: FieldProblem[] };
  const code = body.code ?? body.error ?? `HTTP_${status}`;
  const fields = Array.isArray(body.errors) ? body.errors : [];
  const message =
    (typeof body.message === 'string' && body.message) ||
    (Array.isArray(body.message) && body.message.join('; ')) ||
    defaultMessage(status);
  return new ApiError(status, code, message, fields);
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.';
  if (status === 403) return 'Tài khoản không có quyền thực hiện thao tác này.';
  if (status === 404) return 'Không tìm thấy.';
  if (status === 409 || status === 412) return 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại.';
  if (status === 429) return 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.';
  if (status >= 500) return 'Máy chủ gặp sự cố. Thao tác chưa được ghi nhận; vui lòng thử lại.';
  return 'Yêu cầu không hợp lệ.';
}
