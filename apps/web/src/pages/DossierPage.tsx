import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { useUnit } from '../app/unit';
import { ActionBar } from '../dossier/ActionBar';
import { DossierHeader } from '../dossier/DossierHeader';
import { Timeline } from '../dossier/Timeline';
import { useDaysLeft } from '../dossier/days-left';
import type { Namer } from '../dossier/event-labels';
import { useActionCatalogue, useDossier, useDossierHistory } from '../dossier/queries';
import { PrintLinks } from '../print/PrintLinks';
import { useProcedureNames } from '../queue/procedures';
import '../dossier/dossier.css';

/**
 * One dossier: its header, the actions it allows now (each with its form), the printed forms, and its whole
 * timeline. Live: ['dossier', id] and ['dossier-history', id] are refreshed by api/live.ts on every change.
 */
export default function DossierPage({ dossierId }: { dossierId: string }) {
  const dossier = useDossier(dossierId);
  const history = useDossierHistory(dossierId);
  const catalogue = useActionCatalogue();
  const daysLeft = useDaysLeft(dossier.data);
  const { unitName } = useUnit();
  const procedure = useProcedureNames();
  const names: Namer = { unit: unitName, procedure };

  if (dossier.isPending)
    return (
      <p className="loading" role="status">
        Đang tải hồ sơ…
      </p>
    );
  if (dossier.isError) {
    const error = dossier.error instanceof ApiError ? dossier.error : null;
    return (
      <section className="stack">
        <h1>{error?.status === 404 ? 'Không tìm thấy hồ sơ' : 'Không mở được hồ sơ'}</h1>
        <p className="error" role="alert">
          {error?.status === 404
            ? 'Không có hồ sơ này, hoặc tài khoản không được xem hồ sơ của đơn vị khác.'
            : (error?.message ?? 'Không tải được hồ sơ. Vui lòng thử lại.')}
        </p>
        <p>
          <Link href="/">Về hàng đợi</Link>
        </p>
      </section>
    );
  }
  const view = dossier.data;
  return (
    <article className="dossier-page stack" aria-labelledby="dossier-title">
      <p className="no-print">
        <Link href="/">← Về hàng đợi</Link>
      </p>
      <DossierHeader dossier={view} names={names} daysLeft={daysLeft} />
      <div className="dossier-columns">
        <div className="stack">
          <ActionBar dossier={view} catalogue={catalogue.data} />
          <div className="card">
            <PrintLinks dossier={view} history={history.data} />
          </div>
        </div>
        <section aria-labelledby="timeline-title" className="card">
          <h2 id="timeline-title">Quá trình giải quyết</h2>
          {history.isPending ? (
            <p className="loading" role="status">
              Đang tải lịch sử…
            </p>
          ) : history.isError ? (
            <p className="error" role="alert">
              {history.error instanceof ApiError ? history.error.message : 'Không tải được lịch sử hồ sơ.'}
            </p>
          ) : (
            <Timeline events={history.data} names={names} />
          )}
        </section>
      </div>
    </article>
  );
}
