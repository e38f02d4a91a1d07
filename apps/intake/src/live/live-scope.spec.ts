import type { DossierState } from '@app/domain';
import type { Principal } from '@app/platform';
import { scopeOf, sees, unitsAfter } from './live-scope';

const principal = (roles: Principal['roles']): Principal => ({
  subject: 'x',
  name: 'X',
  kind: 'person',
  roles,
  via: 'session',
});
const received = (receiving: string, competent: string, current: string): DossierState =>
  ({
    status: 'in_progress',
    dossier: { receivingUnitId: receiving, competentUnitId: competent, currentUnitId: current },
  }) as DossierState;

describe('live scope', () => {
  it('is every unit the principal reads, or the one unit asked for; a unit it may not read is refused', () => {
    const clerk = principal([
      { role: 'clerk', unitId: 'a' },
      { role: 'director', unitId: 'b' },
    ]);
    expect(scopeOf(clerk)).toEqual({ kind: 'units', units: new Set(['a', 'b']) });
    expect(scopeOf(clerk, 'b')).toEqual({ kind: 'units', units: new Set(['b']) });
    expect(scopeOf(clerk, 'c')).toBe('not_allowed');
    expect(scopeOf(clerk, '*')).toBe('not_allowed');
    expect(scopeOf(principal([]))).toEqual({ kind: 'units', units: new Set() });
  });

  it("gives admins, auditors and '*' grants every unit", () => {
    expect(scopeOf(principal([{ role: 'admin', unitId: '*' }]))).toEqual({ kind: 'every_unit' });
    expect(scopeOf(principal([{ role: 'auditor', unitId: '*' }]), 'zzz')).toEqual({
      kind: 'units',
      units: new Set(['zzz']),
    });
    expect(sees({ kind: 'every_unit' }, new Set(['q']))).toBe(true);
  });

  it('shows a dossier to a stream of any of its units', () => {
    const scope = { kind: 'units', units: new Set(['a']) } as const;
    expect(sees(scope, new Set(['b', 'a']))).toBe(true);
    expect(sees(scope, new Set(['b']))).toBe(false);
    expect(sees(scope, new Set())).toBe(false);
  });

  it('a dossier keeps every unit it belonged to and gains the one it is transferred to', () => {
    const atA = unitsAfter(new Set(), received('a', 'a', 'a'));
    expect([...atA]).toEqual(['a']);
    const toB = unitsAfter(atA, received('a', 'a', 'b'));
    expect([...toB].sort()).toEqual(['a', 'b']);
    const toC = unitsAfter(toB, received('a', 'd', 'c'));
    expect([...toC].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(unitsAfter(toC, received('a', 'd', 'c'))).toBe(toC);
    expect(unitsAfter(toC, { status: 'none' })).toBe(toC);
  });
});
