/** Where the provider sends people back: the one redirect URI to register at the provider (README § Single sign-on). */
export const CALLBACK_PATH = '/api/v1/session/oidc/callback';

/**
 * The redirect URI: PUBLIC_URL (the address people open, with its path if the app sits under one) + CALLBACK_PATH;
 * without PUBLIC_URL, the origin the request came to (a desk's `npm start`).
 */
export function callbackUrl(publicUrl: string | undefined, requestOrigin: string): string {
  const base = new URL(publicUrl ?? requestOrigin);
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${prefix}${CALLBACK_PATH}`, base.origin).href;
}

const RETURN_TO_MAX = 1000;
const HOME = '/';

/**
 * Where to go after signing in: a path of this site only (`/dossiers/…?x=y#z`). Anything else — another origin,
 * a scheme-relative `//host`, a backslash some browsers read as a slash, control characters, an overlong value —
 * falls back to `/`, so the sign-in never becomes an open redirect.
 */
export function safeReturnTo(given: unknown): string {
  if (typeof given !== 'string' || given.length === 0 || given.length > RETURN_TO_MAX) return HOME;
  // eslint-disable-next-line no-control-regex
  if (!given.startsWith('/') || given.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(given)) return HOME;
  const probe = 'http://same-site.invalid';
  let url: URL;
  try {
    url = new URL(given, probe);
  } catch {
    return HOME;
  }
  if (url.origin !== probe) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Whether openid-client may talk plain http to the issuer: only on this machine (a provider started by a test or a
 * developer), never over a network.
 */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
