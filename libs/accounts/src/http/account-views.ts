import { type RecordedEvent } from '@app/event-store';
import type { Principal } from '@app/platform';
import type { AccountView } from '../persistence/account-view';
import type { ServiceTokenRow } from '../persistence/service-token-store';
import type { SessionRow } from '../sessions/session-store';

/** How accounts, sessions, tokens and account history leave the API (nothing secret, times as instants). */
export const accountJson = (a: AccountView) => ({
  username: a.username,
  displayName: a.displayName,
  kind: a.kind,
  disabled: a.disabled,
  mustChangePassword: a.mustChangePassword,
  lockedUntil: a.lockedUntil ?? null,
  grants: a.grants,
  version: a.streamVersion,
});

export const principalJson = (p: Principal) => ({
  username: p.subject,
  displayName: p.name,
  kind: p.kind,
  roles: p.roles,
  via: p.via,
  ...(p.sessionId ? { sessionId: p.sessionId } : {}),
});

export const sessionJson = (s: SessionRow, current?: string) => ({
  sessionId: s.sessionId,
  method: s.method,
  address: s.address,
  userAgent: s.userAgent,
  createdAt: s.createdAt.toISOString(),
  lastSeenAt: s.lastSeenAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
  current: s.sessionId === current,
});

export const tokenJson = (t: ServiceTokenRow) => ({
  tokenId: t.tokenId,
  label: t.label,
  scope: t.scope,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export const historyJson = (e: RecordedEvent) => ({
  position: e.streamPosition,
  type: e.type,
  data: e.data,
  actor: e.metadata.actor ?? null,
  actorName: e.metadata.actorName ?? null,
  recordedAt: e.recordedAt.toISOString(),
});
