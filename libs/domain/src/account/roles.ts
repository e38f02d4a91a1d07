/**
 * The people who use the system and what each may do (DESIGN.md § users):
 * - clerk: records dossiers at the counters of their units, reads their units' dossiers and figures;
 * - supervisor: a clerk who also corrects entries, reads their units' dossiers and figures;
 * - director: reads the figures and dossiers of their units, writes nothing to dossiers;
 * - auditor: reads everything (dossiers, history, figures, accounts' history), writes nothing;
 * - admin: manages accounts and reference data, and may act for every unit.
 */
export const ROLES = ['clerk', 'supervisor', 'director', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The unit id of a grant that covers every unit (the province: admins, auditors, the provincial office). */
export const EVERY_UNIT = '*';

/** Roles that record dossier events for a unit. */
export const ACTING_ROLES: readonly Role[] = ['clerk', 'supervisor', 'admin'];
/** Roles that read a unit's dossiers and figures. */
export const READING_ROLES: readonly Role[] = ['clerk', 'supervisor', 'director', 'auditor', 'admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Vietnamese names of the roles, for people. */
export const ROLE_NAMES: Record<Role, string> = {
  clerk: 'Công chức tiếp nhận',
  supervisor: 'Người giám sát',
  director: 'Lãnh đạo',
  auditor: 'Kiểm tra viên',
  admin: 'Quản trị viên',
};
