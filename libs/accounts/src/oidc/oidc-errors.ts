/**
 * Why a single sign-on was refused: a stable code, the HTTP answer (`kind`, mapped by the platform's error filter)
 * and the Vietnamese sentence people read. The provider's own wording never reaches them (it may be English, or
 * name internals); it is in the log when it helps an operator.
 */
export class OidcError extends Error {
  constructor(
    readonly code: string,
    readonly kind: 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const oidcDisabled = (): OidcError =>
  new OidcError('OIDC_DISABLED', 'not_found', 'Đăng nhập một lần (SSO) chưa được bật trên hệ thống này.');

export const providerUnavailable = (): OidcError =>
  new OidcError(
    'OIDC_UNAVAILABLE',
    'unavailable',
    'Không kết nối được với hệ thống đăng nhập một lần; vui lòng thử lại sau.',
  );

export const loginExpired = (): OidcError =>
  new OidcError(
    'OIDC_LOGIN_EXPIRED',
    'unauthenticated',
    'Lượt đăng nhập một lần đã hết hạn hoặc không hợp lệ; vui lòng đăng nhập lại từ đầu.',
  );

export const loginRejected = (providerError?: string): OidcError =>
  new OidcError(
    'OIDC_REJECTED',
    'unauthenticated',
    'Đăng nhập một lần không thành công; vui lòng đăng nhập lại từ đầu.',
    providerError ? { providerError } : undefined,
  );

export const notRegistered = (): OidcError =>
  new OidcError(
    'OIDC_NOT_REGISTERED',
    'forbidden',
    'Tài khoản đăng nhập một lần này chưa được đăng ký trong hệ thống; vui lòng liên hệ quản trị viên.',
  );

export const accountDisabled = (): OidcError =>
  new OidcError('OIDC_ACCOUNT_DISABLED', 'forbidden', 'Tài khoản đã bị khoá; vui lòng liên hệ quản trị viên.');

export const identityTaken = (): OidcError =>
  new OidcError('IDENTITY_ALREADY_LINKED', 'conflict', 'Danh tính đăng nhập một lần này đã gắn với tài khoản khác.');

export const personOnly = (): OidcError =>
  new OidcError('PERSON_ACCOUNT_ONLY', 'conflict', 'Chỉ tài khoản cán bộ mới đăng nhập một lần được.');

/** A bad issuer or subject given to link (the API's DTO checks them too; the command line only here). */
export const invalidIdentity = (field: 'issuer' | 'subject', message: string): OidcError =>
  new OidcError('INVALID_IDENTITY', 'invalid', message, { errors: [{ field, rule: 'identity', message }] });
