import type { LocalDate } from '../time/local-date';
import { findOverlap, isEffectiveOn, type EffectiveDated } from './effective-dated';
import { ReferenceDataError } from './reference-error';

/**
 * One version of an organisation unit (a People's Committee, a one-stop centre, a department...). The id is
 * stable across versions; code, name, level and parent may change from one version to the next. Levels are
 * data (`province`, `district`, `commune`, or a unit kind), not an enum.
 */
export interface OrganisationUnit extends EffectiveDated {
  id: string;
  /** Electronic identifier (mã định danh điện tử, QCVN 102:2016/BTTTT), e.g. `000.00.00.H57`; prefixes dossier codes. */
  code: string;
  /** Vietnamese name. */
  name: string;
  level: string;
  parentId: string | null;
}

export interface UnitRegistry {
  readonly units: readonly OrganisationUnit[];
  /** The version of the unit in force on the date, or null. */
  unitAt(id: string, date: LocalDate): OrganisationUnit | null;
  unitsAt(date: LocalDate): OrganisationUnit[];
  /** Every unit under `id` (children, grandchildren...) as the tree stood on the date; `id` itself excluded. */
  descendantsOf(id: string, date: LocalDate): OrganisationUnit[];
  unitsOfLevel(level: string, date: LocalDate): OrganisationUnit[];
  /** The version in force on the date whose electronic code is `code`, or null. */
  unitByCode(code: string, date: LocalDate): OrganisationUnit | null;
}

/** Builds a registry; throws ReferenceDataError when two versions of one unit overlap. */
export function unitRegistry(records: readonly OrganisationUnit[]): UnitRegistry {
  const overlap = findOverlap(records, (u) => u.id);
  if (overlap) {
    const [a, b] = overlap;
    throw new ReferenceDataError(
      'DUPLICATE_VERSION',
      `Đơn vị "${a.id}" có hai phiên bản chồng lấn thời gian hiệu lực (${a.validFrom} và ${b.validFrom}).`,
    );
  }
  const units = [...records];
  const unitsAt = (date: LocalDate) => units.filter((u) => isEffectiveOn(u, date));
  return {
    units,
    unitAt: (id, date) => units.find((u) => u.id === id && isEffectiveOn(u, date)) ?? null,
    unitsAt,
    descendantsOf(id, date) {
      const inForce = unitsAt(date);
      const result: OrganisationUnit[] = [];
      const seen = new Set<string>([id]);
      let frontier = [id];
      while (frontier.length > 0) {
        const children = inForce.filter((u) => u.parentId !== null && frontier.includes(u.parentId) && !seen.has(u.id));
        children.forEach((u) => seen.add(u.id));
        result.push(...children);
        frontier = children.map((u) => u.id);
      }
      return result;
    },
    unitsOfLevel: (level, date) => unitsAt(date).filter((u) => u.level === level),
    unitByCode: (code, date) => units.find((u) => u.code === code && isEffectiveOn(u, date)) ?? null,
  };
}
