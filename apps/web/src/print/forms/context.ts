import type { DossierView, HistoryEntry } from '../../api/types';
import type { Reference } from '../print-data';

/** What a dossier's form is drawn from: GET /api/v1/dossiers/{id}/history (the view and its events) and references. */
export interface DossierFormProps {
  dossier: DossierView;
  events: HistoryEntry[];
  reference: Reference;
}
