import { type DossierState, type DossierStatus, EVERY_UNIT, isReceived, transitionFor } from '@app/domain';
import type { Principal } from '@app/platform';
import { dossierUnits } from './dossier-access';
import { DOSSIER_ACTIONS, type DossierActionName } from './dossier-actions';

const ACTION_NAMES = Object.keys(DOSSIER_ACTIONS) as DossierActionName[];

/**
 * The actions the decider allows in a status: those whose command's row of COMMAND_STATE_MATRIX says `allowed` there.
 * Only the state machine: a command may still be refused for its content (a second reschedule, a reason missing…).
 */
export function actionsAllowedIn(status: DossierStatus): DossierActionName[] {
  return ACTION_NAMES.filter((name) => transitionFor(DOSSIER_ACTIONS[name].commandType, status) === 'allowed');
}

/**
 * What the principal may do to the dossier now: allowed in its status, and by a role the principal holds for one of
 * the dossier's units (where it is, where it was received, who decides). Nothing for whom may only read it.
 */
export function allowedActions(principal: Principal, state: DossierState): DossierActionName[] {
  if (!isReceived(state)) return [];
  const units = dossierUnits(state);
  const held = new Set(
    principal.roles.filter((r) => r.unitId === EVERY_UNIT || units.includes(r.unitId)).map((r) => r.role),
  );
  return actionsAllowedIn(state.status).filter((name) => DOSSIER_ACTIONS[name].roles.some((role) => held.has(role)));
}
