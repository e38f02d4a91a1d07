import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A sign-in under way, between the redirect to the provider and its answer: the PKCE code verifier, the state and
 * nonce the answer must carry, the redirect URI used (the code exchange must repeat it) and where to go afterwards.
 *
 * It travels in a cookie of its own, sealed (AES-256-GCM: the browser can neither read nor alter it), rather than in
 * a table: nothing to migrate or purge, any process holding the token secret can finish a sign-in another began, and
 * the login is bound to the browser that started it (a callback replayed in another browser has no cookie). The
 * cookie is SameSite=Lax — the provider's redirect back is a cross-site top-level GET, which Lax cookies follow and
 * Strict ones do not — HttpOnly, scoped to the OIDC paths, short-lived, and cleared by the callback whatever it answers.
 */
export interface PendingLogin {
  codeVerifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
  returnTo: string;
  /** Milliseconds since the epoch after which the callback refuses it. */
  expiresAt: number;
}

export const PENDING_LOGIN_COOKIE = 'dossier_oidc_login';
export const PENDING_LOGIN_PATH = '/api/v1/session/oidc';
export const PENDING_LOGIN_SECONDS = 600;

const KEY_INFO = 'dossier-tracker/oidc-pending-login/v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals and opens pending logins with a key derived (HKDF) from the app's token secret. */
export class PendingLoginSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), KEY_INFO, 32));
  }

  seal(login: Omit<PendingLogin, 'expiresAt'>, now = Date.now()): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(PENDING_LOGIN_COOKIE));
    const plain = Buffer.from(JSON.stringify({ ...login, expiresAt: now + PENDING_LOGIN_SECONDS * 1000 }));
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
  }

  /** The pending login of a cookie value; undefined when missing, altered, sealed with another key or expired. */
  open(value: string | undefined, now = Date.now()): PendingLogin | undefined {
    if (value === undefined || value.length > 4096) return undefined;
    const raw = Buffer.from(value, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES))
        .setAAD(Buffer.from(PENDING_LOGIN_COOKIE))
        .setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
      const login = JSON.parse(plain.toString('utf8')) as PendingLogin;
      return typeof login.expiresAt === 'number' && now < login.expiresAt ? login : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The Set-Cookie header of a pending login. */
export function pendingLoginCookie(sealed: string, secure: boolean): string {
  return cookie(`${PENDING_LOGIN_COOKIE}=${sealed}`, PENDING_LOGIN_SECONDS, secure);
}

/** The Set-Cookie header that removes it (the callback, whatever its outcome: one attempt per login). */
export function clearedPendingLoginCookie(secure: boolean): string {
  return cookie(`${PENDING_LOGIN_COOKIE}=`, 0, secure);
}

function cookie(pair: string, maxAge: number, secure: boolean): string {
  return [pair, `Path=${PENDING_LOGIN_PATH}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`]
    .concat(secure ? ['Secure'] : [])
    .join('; ');
}

/** The pending login cookie's value from a Cookie header (longer than a session's, so not sessions/cookies.ts's). */
export function pendingLoginValue(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join('; ') : header;
  for (const part of text?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === PENDING_LOGIN_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
