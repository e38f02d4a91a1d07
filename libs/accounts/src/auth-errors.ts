/** A refused credential or request: its kind is the HTTP answer (401, 403 or 429), its message what people read. */
export class AuthenticationError extends Error {
  constructor(
    readonly code: string,
    readonly kind: 'unauthenticated' | 'forbidden' | 'not_found' | 'too_many_requests',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badCredentials = (): AuthenticationError =>
  new AuthenticationError('BAD_CREDENTIALS', 'unauthenticated', 'Tên đăng nhập hoặc mật khẩu không đúng.');

export const invalidToken = (reason: string): AuthenticationError =>
  new AuthenticationError('UNAUTHENTICATED', 'unauthenticated', `Mã truy cập không hợp lệ: ${reason}.`);

export const sessionEnded = (): AuthenticationError =>
  new AuthenticationError(
    'SESSION_ENDED',
    'unauthenticated',
    'Phiên đăng nhập đã hết hạn hoặc đã bị thu hồi; vui lòng đăng nhập lại.',
  );

export const accountLocked = (until: string): AuthenticationError =>
  new AuthenticationError(
    'ACCOUNT_LOCKED',
    'too_many_requests',
    'Tài khoản tạm khoá do đăng nhập sai nhiều lần; vui lòng thử lại sau hoặc liên hệ quản trị viên.',
    { lockedUntil: until },
  );

export const csrfRefused = (why: string): AuthenticationError =>
  new AuthenticationError('CSRF_REFUSED', 'forbidden', `Yêu cầu bị từ chối để bảo vệ phiên đăng nhập: ${why}.`);
