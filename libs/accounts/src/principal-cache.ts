import type { Principal } from '@app/platform';

/**
 * Principals found for credentials, kept a few seconds so a busy desk does not read its session and account on every
 * request. What changes an account or a session in this process clears it at once; another process sees a change
 * within `ttlMs` (documented in the README).
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, now = Date.now()): Principal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.principal;
  }

  set(key: string, principal: Principal, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { principal, until: now + this.ttlMs });
  }

  /** Forgets everything cached for the account (its roles, its sessions, its tokens changed). */
  forgetAccount(accountId: string): void {
    for (const [key, entry] of this.entries) if (entry.principal.subject === accountId) this.entries.delete(key);
  }
}
