import { Link } from 'wouter';
import { useUnit } from '../app/unit';
import { num } from './format';
import type { Period } from './period';
import { isRunning } from './queries';
import type { FiguresReport, ReportGroup } from './types';

interface Bucket {
  key: keyof FiguresReport['total']['reconciliation'];
  label: string;
  explain: string;
  /** The work queue's tab listing these dossiers now (only while the period runs). */
  tab?: string;
}

const BUCKETS: Bucket[] = [
  {
    key: 'withdrawn',
    label: 'Công dân rút hồ sơ',
    explain: 'hồ sơ công dân, tổ chức đã rút trong kỳ (đã kết thúc, không còn trong hàng đợi)',
  },
  {
    key: 'stopped',
    label: 'Dừng xử lý',
    explain: 'hồ sơ bị dừng xử lý trong kỳ (đã kết thúc, không còn trong hàng đợi)',
  },
  {
    key: 'waitingSupplement',
    label: 'Chờ bổ sung hồ sơ',
    explain: 'hồ sơ đang chờ công dân bổ sung vào cuối kỳ: thời hạn tạm dừng, không tính là đang giải quyết',
    tab: 'awaiting_supplement',
  },
  {
    key: 'waitingFinancialObligation',
    label: 'Chờ thực hiện nghĩa vụ tài chính',
    explain: 'hồ sơ đang chờ nộp thuế, phí, lệ phí vào cuối kỳ',
    tab: 'awaiting_financial_obligation',
  },
];

/**
 * The identity every line must satisfy — carried over + received = resolved + in progress + the other buckets —
 * shown with its numbers and the buckets the official form has no column for, each explained and, while the period
 * runs, linked to the work queue that lists those dossiers (the queue shows the dossiers as they are now).
 */
export function ReconciliationPanel({ report, period }: { report: FiguresReport; period: Period }) {
  const { units } = useUnit();
  const running = isRunning(period);
  const lines: { name: string; group: ReportGroup | null }[] =
    report.groups.length > 1
      ? [...report.groups.map((g) => ({ name: g.subject, group: g })), { name: 'Tổng cộng', group: null }]
      : [{ name: report.groups[0]?.subject ?? 'Tổng cộng', group: report.groups[0] ?? null }];
  const allUnits = [...new Set(report.groups.flatMap((g) => g.units))];
  const queueUnits = allUnits.filter((u) => units.some((mine) => mine.id === u));
  return (
    <section className="card reconciliation" aria-labelledby="reconciliation-title">
      <h2 id="reconciliation-title">Đối chiếu số liệu</h2>
      <p>
        Mỗi hồ sơ nằm ở đúng một chỗ: <strong>kỳ trước chuyển sang + mới tiếp nhận</strong> = đã giải quyết + đang giải
        quyết + rút hồ sơ + dừng xử lý + chờ bổ sung + chờ nghĩa vụ tài chính. Chênh lệch khác 0 là dấu hiệu số liệu
        chưa khớp.
      </p>
      <table className="reconciliation-table" data-testid="reconciliation">
        <caption className="visually-hidden">Đối chiếu từng dòng báo cáo</caption>
        <thead>
          <tr>
            <th scope="col">Dòng</th>
            <th scope="col">Kỳ trước chuyển sang</th>
            <th scope="col">Mới tiếp nhận</th>
            <th scope="col">Đã giải quyết</th>
            <th scope="col">Đang giải quyết</th>
            {BUCKETS.map((b) => (
              <th key={b.key} scope="col">
                {b.label}
              </th>
            ))}
            <th scope="col">Chênh lệch</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ name, group }) => {
            const r = (group?.figures ?? report.total).reconciliation;
            return (
              <tr key={name} className={group ? undefined : 'total'}>
                <th scope="row">{name}</th>
                <td className="num">{num(r.carriedOver)}</td>
                <td className="num">{num(r.received)}</td>
                <td className="num">{num(r.resolved)}</td>
                <td className="num">{num(r.inProgress)}</td>
                {BUCKETS.map((b) => (
                  <td key={b.key} className="num">
                    {num(r[b.key])}
                  </td>
                ))}
                <td className={r.difference === 0 ? 'num ok' : 'num error'}>{num(r.difference)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Các hồ sơ ngoài cột của biểu mẫu</h3>
      <ul className="buckets">
        {BUCKETS.map((b) => (
          <li key={b.key}>
            <strong>
              {b.label}: {num(report.total.reconciliation[b.key])} hồ sơ
            </strong>{' '}
            — {b.explain}.
            {b.tab && running && queueUnits.length > 0 && (
              <span className="bucket-links">
                {' '}
                Xem danh sách:{' '}
                {queueUnits.map((u, i) => (
                  <span key={u}>
                    {i > 0 && ', '}
                    <Link href={`/?unit=${encodeURIComponent(u)}&tab=${b.tab}`}>
                      {units.find((x) => x.id === u)?.name ?? u}
                    </Link>
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
        <li>
          <strong>Đang giải quyết quá hạn: {num(report.total.inProgress.overdue)} hồ sơ</strong> — trong số đang giải
          quyết, hạn giải quyết trước ngày cuối kỳ.
          {running &&
            queueUnits.map((u, i) => (
              <span key={u}>
                {i === 0 ? ' Xem danh sách: ' : ', '}
                <Link href={`/?unit=${encodeURIComponent(u)}&tab=overdue`}>
                  {units.find((x) => x.id === u)?.name ?? u}
                </Link>
              </span>
            ))}
        </li>
      </ul>
      {!running && (
        <p className="muted">
          Kỳ báo cáo đã kết thúc: hàng đợi chỉ cho thấy hồ sơ như hiện nay, nên danh sách theo từng nhóm của kỳ này xem
          qua phần «Số liệu tại một thời điểm» (so sánh với báo cáo đã nộp nêu từng hồ sơ đã thay đổi).
        </p>
      )}
    </section>
  );
}
