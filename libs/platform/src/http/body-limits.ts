/** Every JSON body: at most 100 KB (a command is a few hundred bytes; a long reason 2,000 characters). */
export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * A reference-data upload (`PUT /api/v1/reference/{kind}`): at most 20 MB. Its `content` field is capped at the
 * same number (in characters: each takes at least one byte of the body), so the two limits agree.
 */
export const UPLOAD_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

/** The routes that take an upload; every other route gets BODY_LIMIT_BYTES. */
export const UPLOAD_ROUTES: readonly { method: string; path: RegExp }[] = [
  { method: 'PUT', path: /^\/api\/v1\/reference\/[^/]+\/?$/ },
];

/** Arrays and objects nested deeper than this are refused before parsing (our DTOs nest 3 levels at most). */
export const MAX_JSON_DEPTH = 32;

/** 102400 → "100 KB", 20971520 → "20 MB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
