import { DOSSIER_STATUSES, type DossierCommandType, type DossierStatus, type Role } from '@app/domain';
import { type ActionField, actionFields } from './action-fields';
import { actionsAllowedIn } from './allowed-actions';
import { DOSSIER_ACTIONS, type DossierAction, type DossierActionName } from './dossier-actions';

/** One lifecycle action as a client builds its button and form (GET /api/v1/dossier-actions). */
export interface ActionDescription {
  /** The name `allowedActions` lists (and the OpenAPI operation id). */
  key: DossierActionName;
  method: 'POST';
  /** URL segment after /api/v1/dossiers/{id}/. */
  path: string;
  /** The whole route, `{id}` the dossier's id. */
  url: string;
  /** Vietnamese, for the button. */
  label: string;
  summary: string;
  commandType: DossierCommandType;
  roles: Role[];
  /** The statuses in which the state machine allows it. */
  allowedIn: DossierStatus[];
  /** The body's fields (all optional ones may be left out; `at` defaults to now). */
  fields: ActionField[];
}

/** Every row of DOSSIER_ACTIONS, described from the row itself, its DTO and the decider's matrix. */
export function describeActions(): ActionDescription[] {
  return (Object.entries(DOSSIER_ACTIONS) as [DossierActionName, DossierAction<unknown>][]).map(([key, action]) => ({
    key,
    method: 'POST',
    path: action.path,
    url: `/api/v1/dossiers/{id}/${action.path}`,
    label: action.label,
    summary: action.summary,
    commandType: action.commandType,
    roles: [...action.roles],
    allowedIn: DOSSIER_STATUSES.filter((status) => actionsAllowedIn(status).includes(key)),
    fields: actionFields(action.dto),
  }));
}
