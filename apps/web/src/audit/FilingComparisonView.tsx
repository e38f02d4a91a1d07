import { Link } from 'wouter';
import { eventLabel } from '../dossier/event-labels';
import { formatInstant } from '../lib/time';
import { num, signed } from '../reports/format';
import type { FigureComparison, FilingComparison } from './types';

/**
 * "Đã nộp so với hiện nay": every figure of the total that differs, filed / now / difference; under it the dossiers
 * that moved it (links to the dossier and its auditor's timeline) and the events that moved them.
 */
export function FilingComparisonView({ comparison }: { comparison: FilingComparison }) {
  const differing = comparison.total.figures.filter((f) => f.difference !== 0 || f.unexplained !== 0);
  return (
    <div className="stack" data-testid="filing-comparison">
      <p role="status">
        So với lúc nộp: {num(comparison.eventsAfterFiling)} sự kiện được ghi nhận sau khi nộp,{' '}
        {num(comparison.dossiersMoved)} hồ sơ làm thay đổi số liệu của kỳ.{' '}
        {differing.length === 0
          ? 'Số liệu hiện nay không khác số liệu đã nộp.'
          : `${differing.length} chỉ tiêu khác số liệu đã nộp.`}{' '}
        (Số liệu hiện nay tính lúc {formatInstant(comparison.now.comparedAt)}.)
      </p>
      {differing.length > 0 && (
        <table className="audit-table figure-diff" data-testid="figure-diff">
          <caption className="visually-hidden">Các chỉ tiêu khác số liệu đã nộp (tổng cộng)</caption>
          <thead>
            <tr>
              <th scope="col">Chỉ tiêu (tổng cộng)</th>
              <th scope="col">Đã nộp</th>
              <th scope="col">Hiện nay</th>
              <th scope="col">Chênh lệch</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((f) => (
              <tr key={f.figure}>
                <th scope="row">{f.label}</th>
                <td className="num">{num(f.filed)}</td>
                <td className="num">{num(f.now)}</td>
                <td className="num">{signed(f.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {differing.map((f) => (
        <FigureMoves key={f.figure} figure={f} />
      ))}
    </div>
  );
}

function FigureMoves({ figure }: { figure: FigureComparison }) {
  return (
    <section className="figure-moves" aria-label={`Hồ sơ làm thay đổi: ${figure.label}`}>
      <h4>
        {figure.label}: {num(figure.filed)} → {num(figure.now)} ({signed(figure.difference)})
      </h4>
      {figure.unexplained !== 0 && (
        <p className="warn">
          {signed(figure.unexplained)} không được giải thích bởi sự kiện nào đã ghi nhận (số liệu tổng hợp và nhật ký
          chưa khớp).
        </p>
      )}
      <ul className="moved-dossiers">
        {figure.dossiers.map((d) => (
          <li key={d.dossierId} data-testid="moved-dossier">
            <p>
              Hồ sơ{' '}
              <Link href={`/dossiers/${d.dossierId}`}>
                <strong>{d.code ?? d.dossierId}</strong>
              </Link>{' '}
              ({signed(d.change)}) —{' '}
              <Link href={`/audit/dossiers/${d.dossierId}`}>xem dòng thời gian kiểm tra của hồ sơ {d.code ?? ''}</Link>
            </p>
            <ul className="moving-events">
              {d.events.map((e) => (
                <li key={e.globalPosition} data-testid="moving-event">
                  <strong>{eventLabel(e.type)}</strong>: thực hiện {formatInstant(e.occurredAt)}, ghi nhận{' '}
                  {formatInstant(e.recordedAt)}, bởi {e.actorName ?? e.actor ?? 'hệ thống'}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
