import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';
import type { DossierView, HistoryEntry } from '../api/types';

/** The dossier as it stands (its version for If-Match). Key ['dossier', id]: live changes refresh it. */
export function useDossier(id: string) {
  return useQuery({
    queryKey: ['dossier', id],
    queryFn: ({ signal }) => api<DossierView>(`/api/v1/dossiers/${encodeURIComponent(id)}`, { signal }),
    retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status < 500),
    staleTime: 0,
  });
}

/** Every event of the dossier. Key ['dossier-history', id]: live changes refresh it. */
export function useDossierHistory(id: string) {
  return useQuery({
    queryKey: ['dossier-history', id],
    queryFn: ({ signal }) =>
      api<{ dossier: DossierView; events: HistoryEntry[] }>(`/api/v1/dossiers/${encodeURIComponent(id)}/history`, {
        signal,
      }).then((r) => r.events),
    retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status < 500),
    staleTime: 0,
  });
}

/** One field of an action's body as GET /api/v1/dossier-actions describes it. */
export interface CatalogueField {
  name: string;
  type: string;
  required: boolean;
  format?: string;
  enum?: readonly unknown[];
  maxLength?: number;
}

/** One lifecycle action of the catalogue (key, route, Vietnamese label, body fields). */
export interface CatalogueAction {
  key: string;
  path: string;
  label: string;
  fields: CatalogueField[];
}

/** The action catalogue of the API (labels, paths, fields); the desk's own table fills in when it is missing. */
export function useActionCatalogue() {
  return useQuery({
    queryKey: ['dossier-actions'],
    queryFn: () => api<CatalogueAction[]>('/api/v1/dossier-actions'),
    staleTime: Infinity,
    retry: false,
  });
}
