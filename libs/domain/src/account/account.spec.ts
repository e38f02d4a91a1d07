import { AccountError } from './account-errors';
import type { AccountEvent } from './account-events';
import { type AccountState, evolveAccount, initialAccountState, lockedAt } from './account-state';
import { type AccountCommand, decideAccount } from './decide-account';
import { actingRole, readsUnit, rolesInForce } from './grants';

const NOW = '2026-07-02T03:00:00.000Z';

/** Runs commands in order, as the repository does, and returns the state and every event. */
function run(commands: AccountCommand[], now = NOW): { state: AccountState; events: AccountEvent[] } {
  let state = initialAccountState;
  const events: AccountEvent[] = [];
  for (const command of commands) {
    for (const decided of decideAccount(state, command, now)) {
      const event = { type: decided.type, data: decided.data } as AccountEvent;
      events.push(event);
      state = evolveAccount(state, event);
    }
  }
  return { state, events };
}

const account = (state: AccountState) => {
  if (state.status !== 'registered') throw new Error('no account');
  return state.account;
};

const register: AccountCommand = { type: 'Register', username: 'lan', displayName: 'Trần Thị Lan', kind: 'person' };

describe('the account decider', () => {
  it('registers once; a second registration of the username is refused', () => {
    const { state, events } = run([register]);
    expect(events.map((e) => e.type)).toEqual(['AccountRegistered']);
    expect(() => decideAccount(state, register, NOW)).toThrow(new AccountError('ACCOUNT_EXISTS'));
    expect(() => decideAccount(initialAccountState, { ...register, username: 'Lan Trần' }, NOW)).toThrow(AccountError);
  });

  it('a clerk moved on 1/7 acts for the new unit from 1/7 and no longer for the old one', () => {
    const { state } = run([
      register,
      { type: 'GrantRole', grantId: 'g-old', role: 'clerk', unitId: 'unit-a', validFrom: '2026-01-01' },
      { type: 'RevokeRole', grantId: 'g-old', effectiveOn: '2026-07-01' },
      { type: 'GrantRole', grantId: 'g-new', role: 'clerk', unitId: 'unit-b', validFrom: '2026-07-01' },
    ]);
    const grants = account(state).grants;
    // 30/6 (local date, UTC+7): the old unit only
    const june30 = rolesInForce(grants, '2026-06-30T16:59:00.000Z');
    expect(actingRole(june30, 'unit-a')).toBe('clerk');
    expect(actingRole(june30, 'unit-b')).toBeUndefined();
    // 1/7 from 00:00 local time (30/6 17:00 UTC) and 2/7: the new unit only
    for (const at of ['2026-06-30T17:00:00.000Z', '2026-07-02T03:00:00.000Z']) {
      const roles = rolesInForce(grants, at);
      expect(actingRole(roles, 'unit-a')).toBeUndefined();
      expect(readsUnit(roles, 'unit-a')).toBe(false);
      expect(actingRole(roles, 'unit-b')).toBe('clerk');
    }
  });

  it('ending a grant that already ended records nothing; an unknown grant is refused', () => {
    const { state } = run([
      register,
      { type: 'GrantRole', grantId: 'g', role: 'director', unitId: 'unit-a', validFrom: '2026-01-01' },
      { type: 'RevokeRole', grantId: 'g', effectiveOn: '2026-03-01' },
    ]);
    expect(decideAccount(state, { type: 'RevokeRole', grantId: 'g', effectiveOn: '2026-05-01' }, NOW)).toEqual([]);
    expect(() => decideAccount(state, { type: 'RevokeRole', grantId: 'x', effectiveOn: '2026-05-01' }, NOW)).toThrow(
      new AccountError('GRANT_NOT_FOUND'),
    );
  });

  it('a clerk or supervisor needs a unit; a director reads but never acts', () => {
    const { state } = run([register]);
    expect(() =>
      decideAccount(
        state,
        { type: 'GrantRole', grantId: 'g', role: 'clerk', unitId: '*', validFrom: '2026-01-01' },
        NOW,
      ),
    ).toThrow(new AccountError('UNIT_REQUIRED'));
    const director = rolesInForce([{ grantId: 'd', role: 'director', unitId: 'unit-a', validFrom: '2026-01-01' }], NOW);
    expect(readsUnit(director, 'unit-a')).toBe(true);
    expect(actingRole(director, 'unit-a')).toBeUndefined();
  });

  it('locks the account at the fifth failure in a row, for 15 minutes; a success or an unlock starts again', () => {
    const fail: AccountCommand = { type: 'RecordSignInFailure', reason: 'wrong-password', address: '10.0.0.1' };
    const { state, events } = run([register, fail, fail, fail, fail]);
    expect(lockedAt(account(state), NOW)).toBe(false);
    const fifth = decideAccount(state, fail, NOW);
    expect(fifth.map((e) => e.type)).toEqual(['SignInFailed', 'AccountLocked']);
    expect(fifth[1]?.data).toMatchObject({ until: '2026-07-02T03:15:00.000Z', failuresInARow: 5 });
    const locked = run([register, fail, fail, fail, fail, fail]).state;
    expect(lockedAt(account(locked), NOW)).toBe(true);
    expect(lockedAt(account(locked), '2026-07-02T03:15:00.000Z')).toBe(false);
    expect(events.filter((e) => e.type === 'SignInFailed')).toHaveLength(4);
    const unlocked = run([register, fail, fail, fail, fail, fail, { type: 'Unlock' }]).state;
    expect(account(unlocked)).toMatchObject({ failuresInARow: 0, lockedUntil: undefined });
  });

  it("a service token's scope must be held by the service account; people get no service tokens", () => {
    const service = run([
      { ...register, username: 'cong-dvc', kind: 'service' },
      { type: 'GrantRole', grantId: 'g', role: 'clerk', unitId: 'unit-a', validFrom: '2026-01-01' },
    ]).state;
    const issue = (scope: { role: 'clerk' | 'admin'; unitId: string }[]): AccountCommand => ({
      type: 'IssueServiceToken',
      tokenId: 't',
      label: 'Cổng DVC',
      scope,
      expiresAt: '2026-10-01T00:00:00.000Z',
    });
    expect(decideAccount(service, issue([{ role: 'clerk', unitId: 'unit-a' }]), NOW)).toHaveLength(1);
    expect(() => decideAccount(service, issue([{ role: 'clerk', unitId: 'unit-b' }]), NOW)).toThrow(
      new AccountError('SCOPE_NOT_GRANTED'),
    );
    expect(() => decideAccount(service, issue([{ role: 'admin', unitId: 'unit-a' }]), NOW)).toThrow(AccountError);
    const person = run([register]).state;
    expect(() => decideAccount(person, issue([{ role: 'clerk', unitId: 'unit-a' }]), NOW)).toThrow(
      new AccountError('SERVICE_ACCOUNT_ONLY'),
    );
  });
});
