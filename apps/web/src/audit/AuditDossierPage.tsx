import { Link } from 'wouter';
import { ApiError } from '../api/client';
import type { HistoryEntry } from '../api/types';
import { useUnit } from '../app/unit';
import { DossierHeader } from '../dossier/DossierHeader';
import { Timeline } from '../dossier/Timeline';
import { useDaysLeft } from '../dossier/days-left';
import type { Namer } from '../dossier/event-labels';
import { useDossier, useDossierHistory } from '../dossier/queries';
import { useProcedureNames } from '../queue/procedures';
import { Hash } from './Hash';
import '../dossier/dossier.css';

const VERSION_FIELDS: [key: string, label: string][] = [
  ['calendarVersion', 'Phiên bản lịch làm việc'],
  ['policyVersion', 'Phiên bản quy tắc bổ sung hồ sơ'],
  ['rulesVersion', 'Phiên bản quy tắc'],
];

/** The chain link of one event: its hash, the previous event's (as the stream records it), the versions it carries. */
function ChainLink({ entry, previous }: { entry: HistoryEntry; previous: HistoryEntry | undefined }) {
  const prev = entry.prevHash !== undefined ? entry.prevHash : (previous?.hash ?? null);
  const linked = (prev ?? null) === (previous?.hash ?? null);
  const versions = VERSION_FIELDS.flatMap(([key, label]) => {
    const value = entry.data[key] ?? entry.metadata?.[key];
    const changes = entry.data.changes as Record<string, unknown> | undefined;
    const changed = changes?.[key];
    const shown = value ?? changed;
    return typeof shown === 'string' || typeof shown === 'number' ? [[label, String(shown)] as const] : [];
  });
  return (
    <dl className="chain-link" data-testid="chain-link" data-position={entry.position}>
      <div>
        <dt>Mã băm của mục</dt>
        <dd>
          <Hash value={entry.hash} label={`mã băm mục #${entry.position}`} />
        </dd>
      </div>
      <div>
        <dt>Nối với mục trước</dt>
        <dd data-prev-hash={prev ?? ''}>
          <Hash value={prev} label={`mã băm mục trước mục #${entry.position}`} />
          {previous && (
            <span className={linked ? 'ok' : 'error'}>
              {linked ? ` khớp mục #${previous.position}` : ` KHÔNG khớp mục #${previous.position}`}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>Vị trí trong nhật ký chung</dt>
        <dd>{entry.globalPosition}</dd>
      </div>
      {versions.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The dossier's timeline for auditors: the dossier page's timeline (both times, actor and role, corrections against
 * what they corrected) with, on each event, its hash, the link to the previous one and the versions it was decided under.
 */
export function AuditDossierPage({ dossierId }: { dossierId: string }) {
  const dossier = useDossier(dossierId);
  const history = useDossierHistory(dossierId);
  const daysLeft = useDaysLeft(dossier.data);
  const { unitName } = useUnit();
  const procedure = useProcedureNames();
  const names: Namer = { unit: unitName, procedure };
  const failed = dossier.error ?? history.error;
  if (failed)
    return (
      <section className="stack">
        <h2>Không mở được hồ sơ</h2>
        <p className="error" role="alert">
          {failed instanceof ApiError ? failed.message : 'Không tải được hồ sơ.'}
        </p>
      </section>
    );
  if (!dossier.data || !history.data)
    return (
      <p className="loading" role="status">
        Đang tải hồ sơ…
      </p>
    );
  const events = history.data;
  return (
    <article className="stack audit-dossier" aria-labelledby="dossier-title">
      <p>
        <Link href={`/dossiers/${dossierId}`}>Mở trang hồ sơ</Link>
      </p>
      <DossierHeader dossier={dossier.data} names={names} daysLeft={daysLeft} />
      <section aria-labelledby="audit-timeline-title" className="card">
        <h2 id="audit-timeline-title">Dòng thời gian kiểm tra ({events.length} mục)</h2>
        <p className="muted">
          Mỗi mục mang mã băm (SHA-256) của chính nó nối với mã băm của mục trước: sửa hay xoá một mục làm đứt chuỗi.
          Giờ hiển thị theo giờ Việt Nam.
        </p>
        <Timeline
          events={events}
          names={names}
          extra={(entry, index) => <ChainLink entry={entry} previous={index > 0 ? events[index - 1] : undefined} />}
        />
      </section>
    </article>
  );
}
