import { todayLocal } from '../lib/time';
import { useUnitRecords } from './queries';
import type { UnitRecord } from './types';
import { EVERY_UNIT, EVERY_UNIT_LABEL, inForce } from './validity';

/** The name of a unit id (the version in force today, else its latest), `*` as "Tất cả đơn vị". */
export function useUnitNames() {
  const units = useUnitRecords().data?.records ?? [];
  const today = todayLocal();
  const name = (id: string): string => {
    if (id === EVERY_UNIT) return EVERY_UNIT_LABEL;
    const versions = units.filter((u) => u.id === id);
    const current = versions.find((u) => inForce(u.validFrom, u.validTo, today));
    const latest = [...versions].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
    return (current ?? latest)?.name ?? id;
  };
  const inForceToday: UnitRecord[] = units.filter((u) => inForce(u.validFrom, u.validTo, today));
  return { name, inForceToday };
}
