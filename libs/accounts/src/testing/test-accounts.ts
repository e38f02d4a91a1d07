import { EVERY_UNIT, type Role } from '@app/domain';
import { signToken } from '@app/platform';
import type { AccountsService } from '../accounts.service';

/** The password of the accounts tests register (long, not common, naming no one). */
export const TEST_PASSWORD = 'phố cổ Hội An về đêm';

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
