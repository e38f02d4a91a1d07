import { EVERY_UNIT, type Role, unitRegistry } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { signToken } from '@app/platform';
import { SHIPPED_REFERENCE_RECORDS } from '@app/reference-data';
import type { Pool } from 'pg';
import { AccountsService } from '../accounts.service';
import { ServiceTokenStore } from '../persistence/service-token-store';
import { SessionStore } from '../sessions/session-store';

/** The password of the accounts tests register (long, not common, naming no one). */
export const TEST_PASSWORD = 'phố cổ Hội An về đêm';

/** The accounts' use cases on a test database, checking units against the shipped registry. */
export function accountsServiceFor(store: EventStore, pool: Pool): AccountsService {
  const units = unitRegistry(SHIPPED_REFERENCE_RECORDS.units);
  return new AccountsService(store, pool, new SessionStore(pool), new ServiceTokenStore(pool), async (unitId) =>
    units.units.some((u) => u.id === unitId),
  );
}

/** A username for a role and its units, e.g. `clerk-tth-hcc-hue`, `admin-all`. */
export function testUsername(role: Role, units: readonly string[]): string {
  const scope = units.map((u) => (u === EVERY_UNIT ? 'all' : u)).join('-') || 'none';
  return `${role}-${scope}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .slice(0, 64);
}

/**
 * The account exists with the role for the units (registered on first use, grants in force from long ago) and a
 * signed token names it: what a test sends as `Authorization: Bearer …`.
 */
export async function ensureAccountToken(
  accounts: AccountsService,
  secret: string,
  role: Role,
  units: readonly string[],
  username = testUsername(role, units),
): Promise<string> {
  const name = username
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .padEnd(3, '-')
    .slice(0, 64);
  const existing = await accounts.view(name).catch(() => undefined);
  if (!existing) {
    await accounts
      .register(
        {
          username: name,
          displayName: `Tài khoản thử ${name}`,
          grants: units.map((unitId) => ({ role, unitId, validFrom: '2000-01-01' })),
          password: TEST_PASSWORD,
        },
        { actor: 'test-setup', actorName: 'Thiết lập kiểm thử' },
      )
      .catch(async (error: Error) => {
        // another test of the same file registered it at the same moment
        if (!(await accounts.view(name).catch(() => undefined))) throw error;
      });
  }
  return signToken(name, secret);
}
