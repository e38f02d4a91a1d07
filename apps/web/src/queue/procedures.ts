import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Procedure } from '../api/types';

/** Every version of every procedure of the catalogue (names for codes; the filter's choices). */
export function useProcedureCatalogue() {
  return useQuery({
    queryKey: ['reference', 'procedures', 'catalogue'],
    queryFn: () => api<{ records: Procedure[] }>('/api/v1/reference/procedures').then((r) => r.records),
    staleTime: 5 * 60_000,
  });
}

/** Code → name, the latest version's name when a procedure has several. */
export function useProcedureNames(): (code: string) => string {
  const records = useProcedureCatalogue().data ?? [];
  const names = new Map<string, string>();
  for (const p of [...records].sort((a, b) => String(a.validFrom ?? '').localeCompare(String(b.validFrom ?? ''))))
    names.set(p.code, p.name);
  return (code) => names.get(code) ?? code;
}
