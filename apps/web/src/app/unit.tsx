import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { SessionInfo, Unit } from '../api/types';
import { unitsOf } from '../api/session';
import { todayLocal } from '../lib/time';
import { useInteractiveMark } from './interactive-mark';

const inForce = (unit: Unit, date: string): boolean =>
  (!unit.validFrom || unit.validFrom <= date) && (!unit.validTo || date < String(unit.validTo));

interface UnitChoice {
  /** The unit the desk works for now. */
  unitId: string;
  setUnitId(unitId: string): void;
  /** The units the user may choose from (every unit for a `*` grant). */
  units: Unit[];
  unitName(unitId: string | null | undefined): string;
}

const UnitContext = createContext<UnitChoice | null>(null);
const STORAGE_KEY = 'dossier-desk.unit';

const UNITS_QUERY = {
  queryKey: ['reference', 'units'],
  queryFn: () => api<{ records: Unit[] }>('/api/v1/reference/units').then((r) => r.records),
  staleTime: 5 * 60_000,
};

export function useUnits() {
  return useQuery(UNITS_QUERY);
}

/**
 * Asks for the units at start-up, beside the session, so a signed-in desk is usable after one round trip, not two
 * (signed out, the answer is a 401 that nobody reads; the desk asks again once signed in).
 */
export function prefetchUnits(client: QueryClient): void {
  void client.prefetchQuery({ ...UNITS_QUERY, retry: false });
}

/** The unit chosen among the user's units, remembered on this computer. */
export function UnitProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const allUnits = useUnits().data ?? [];
  const granted = unitsOf(session);
  // The units one can work for today: granted, and in force (the 2020 units ended when the province was merged).
  const today = todayLocal();
  const units = useMemo(
    () => allUnits.filter((u) => (granted.includes('*') || granted.includes(u.id)) && inForce(u, today)),
    [allUnits, granted.join(',')],
  );
  // the desk is usable once the user's units are known (the header's unit switch and every screen need one)
  useInteractiveMark(units.length > 0);
  const [unitId, setUnitIdState] = useState<string>(() => localStorage.getItem(STORAGE_KEY) ?? '');
  useEffect(() => {
    if (units.length > 0 && !units.some((u) => u.id === unitId)) setUnitIdState(units[0]!.id);
  }, [units, unitId]);
  const value = useMemo<UnitChoice>(
    () => ({
      unitId,
      setUnitId: (id) => {
        localStorage.setItem(STORAGE_KEY, id);
        setUnitIdState(id);
      },
      units,
      unitName: (id) => (id ? (allUnits.find((u) => u.id === id)?.name ?? id) : '—'),
    }),
    [unitId, units, allUnits],
  );
  return <UnitContext.Provider value={value}>{children}</UnitContext.Provider>;
}

export function useUnit(): UnitChoice {
  const value = useContext(UnitContext);
  if (!value) throw new Error('useUnit outside UnitProvider');
  return value;
}
