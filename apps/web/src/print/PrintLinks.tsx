import { Link } from 'wouter';
import type { DossierView, HistoryEntry } from '../api/types';
import { applicableForms, DOSSIER_FORM_TITLES, printPath } from './forms';

/**
 * Links to the printed forms that apply to the dossier now (see applicableForms), for the dossier page.
 * Light on purpose: the forms themselves (and the QR code) load only when one is opened.
 */
export function PrintLinks({
  dossier,
  history,
}: {
  dossier: Pick<DossierView, 'id' | 'outcome'>;
  history?: Pick<HistoryEntry, 'type'>[];
}) {
  const forms = applicableForms(dossier, history ?? []);
  return (
    <nav aria-label="In biểu mẫu" className="print-links">
      <h2>In biểu mẫu</h2>
      <ul>
        {forms.map((form) => (
          <li key={form}>
            <Link href={printPath(dossier.id, form)}>
              Mẫu {form}: {DOSSIER_FORM_TITLES[form]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
