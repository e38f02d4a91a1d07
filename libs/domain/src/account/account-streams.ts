export const ACCOUNT_STREAM_PREFIX = 'account-';
export const accountStreamId = (accountId: string): string => `${ACCOUNT_STREAM_PREFIX}${accountId}`;

/** Usernames: lower-case letters, digits, dot, dash, underscore, 3–64 characters (they name a stream). */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** The canonical form of a username as typed (case and surrounding spaces do not make another account). */
export const normaliseUsername = (username: string): string => username.trim().toLowerCase();
