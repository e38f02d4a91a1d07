import { COMMAND_STATE_MATRIX, DOSSIER_COMMAND_TYPES, type Role } from '@app/domain';
import { dossierSpec, HISTORIES, OTHER_UNIT, STATUSES, UNIT } from '@app/domain/testing';
import type { Principal } from '@app/platform';
import { describeActions } from './action-catalogue';
import { actionsAllowedIn, allowedActions } from './allowed-actions';
import { DOSSIER_ACTIONS } from './dossier-actions';

const principal = (role: Role, unitId: string): Principal => ({
  subject: `${role}-${unitId}`,
  name: role,
  kind: 'person',
  roles: [{ role, unitId }],
  via: 'token',
});
const stateOf = (status: (typeof STATUSES)[number]) => dossierSpec.given(HISTORIES[status]()).state();
const commandsOf = (names: readonly string[]) =>
  names.map((n) => DOSSIER_ACTIONS[n as keyof typeof DOSSIER_ACTIONS].commandType).sort();

describe('allowed actions: the decider’s matrix, then the caller’s roles', () => {
  it('every command after receipt has exactly one action', () => {
    const built = Object.values(DOSSIER_ACTIONS).map((a) => a.commandType);
    const afterReceipt = DOSSIER_COMMAND_TYPES.filter((t) => t !== 'ReceiveDossier' && t !== 'RefuseReceipt');
    expect([...built].sort()).toEqual([...afterReceipt].sort());
  });

  for (const status of STATUSES) {
    it(`${status}: the allowed list is the matrix's allowed entries`, () => {
      const fromMatrix = DOSSIER_COMMAND_TYPES.filter(
        (t) => t !== 'ReceiveDossier' && t !== 'RefuseReceipt' && COMMAND_STATE_MATRIX[t][status] === 'allowed',
      ).sort();
      expect(commandsOf(actionsAllowedIn(status))).toEqual(fromMatrix);
      if (status === 'none' || status === 'refused_at_receipt') {
        expect(allowedActions(principal('admin', '*'), stateOf(status))).toEqual([]);
      } else {
        // an administrator holds every role the actions name: the state alone decides
        expect(commandsOf(allowedActions(principal('admin', '*'), stateOf(status)))).toEqual(fromMatrix);
      }
    });
  }

  it('reads as expected for the counter (a few statuses spelled out)', () => {
    const supervisor = principal('supervisor', UNIT);
    expect(allowedActions(supervisor, stateOf('awaiting_supplement'))).toEqual([
      'receiveSupplement',
      'withdraw',
      'stop',
      'correct',
    ]);
    expect(allowedActions(supervisor, stateOf('resolved'))).toEqual(['returnResult', 'correct']);
    expect(allowedActions(supervisor, stateOf('returned'))).toEqual(['correct']);
    expect(allowedActions(supervisor, stateOf('in_progress'))).toContain('transfer');
    expect(allowedActions(supervisor, stateOf('in_progress'))).not.toContain('receiveSupplement');
  });

  it('a clerk has no correction; other units, directors and auditors have nothing', () => {
    const state = stateOf('in_progress');
    const clerk = allowedActions(principal('clerk', UNIT), state);
    expect(clerk).toContain('transfer');
    expect(clerk).not.toContain('correct');
    expect(allowedActions(principal('supervisor', UNIT), state)).toContain('correct');
    expect(allowedActions(principal('clerk', OTHER_UNIT), state)).toEqual([]);
    expect(allowedActions(principal('director', UNIT), state)).toEqual([]);
    expect(allowedActions(principal('auditor', '*'), state)).toEqual([]);
  });
});

describe('the actions’ descriptions, from their DTOs', () => {
  const actions = describeActions();
  const action = (key: string) => actions.find((a) => a.key === key);
  const field = (key: string, name: string) => action(key)?.fields.find((f) => f.name === name);

  it('one per row, with a route, a Vietnamese label and the statuses it is allowed in', () => {
    expect(actions.map((a) => a.key)).toEqual(Object.keys(DOSSIER_ACTIONS));
    expect(action('transfer')).toMatchObject({
      method: 'POST',
      path: 'transfer',
      url: '/api/v1/dossiers/{id}/transfer',
      label: 'Chuyển xử lý',
      commandType: 'TransferDossier',
      allowedIn: ['in_progress'],
    });
    expect(action('requestSupplement')?.label).toBe('Yêu cầu bổ sung hồ sơ');
    expect(action('correct')?.roles).toEqual(['supervisor', 'admin']);
  });

  it('fields: name, type, required, and the rules the validation applies', () => {
    expect(field('requestSupplement', 'reason')).toMatchObject({ type: 'string', required: true, maxLength: 2000 });
    expect(field('requestSupplement', 'documents')).toMatchObject({ type: 'string[]', required: false, maxItems: 50 });
    expect(field('requestSupplement', 'at')).toMatchObject({ type: 'string', required: false, format: 'date-time' });
    expect(field('reschedule', 'newAppointmentDate')).toMatchObject({ required: true, format: 'date' });
    expect(field('recordResult', 'outcome')).toMatchObject({ required: true, enum: ['approved', 'refused'] });
    expect(field('requestFinancialObligation', 'amount')).toMatchObject({ type: 'number', minimum: 0 });
    expect(field('correct', 'correctsPosition')).toMatchObject({ type: 'integer', required: false, minimum: 1 });
    const changes = field('correct', 'changes');
    expect(changes).toMatchObject({ type: 'object', required: true });
    const applicant = changes?.fields?.find((f) => f.name === 'applicant');
    expect(applicant?.fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['fullName', 'idDocument']));
    expect(action('receiveSupplement')?.fields.map((f) => f.name)).toEqual(['at']);
  });
});
