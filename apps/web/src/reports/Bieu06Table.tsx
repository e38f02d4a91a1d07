import { reportDate } from './period';
import { BIEU_06_GROUPS, bieu06Rows } from './bieu06';
import { num } from './format';
import type { FiguresReport } from './types';

/**
 * Biểu 06/VPCP/KSTT as the official table: STT, the unit (or field), then the column groups of the circular with
 * their numbered columns (1)–(13), one row per group and the total; then, set apart, the columns the form lacks.
 */
export function Bieu06Table({ report, title }: { report: FiguresReport; title: string }) {
  const rows = bieu06Rows(report);
  let columnNumber = 2;
  return (
    // a region one can scroll with the keyboard when the table is wider than the page
    <div className="bieu06-wrap" tabIndex={0} role="region" aria-label="Biểu 06/VPCP/KSTT">
      <table className="bieu06" data-testid="bieu06">
        <caption>
          <span className="bieu06-form">Biểu số 06/VPCP/KSTT</span>
          <span className="bieu06-title">{title}</span>
          <span className="bieu06-period">
            (Kỳ báo cáo: từ ngày {reportDate(report.period.from)} đến ngày {reportDate(report.period.to)})
          </span>
          <span className="bieu06-unit">Đơn vị tính: hồ sơ</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              STT
            </th>
            <th scope="col" rowSpan={2}>
              {report.groupBy === 'procedure' ? 'Thủ tục hành chính' : 'Đơn vị'}
            </th>
            {BIEU_06_GROUPS.map((g, i) => (
              <th key={g.title} scope="colgroup" colSpan={g.columns.length} className={i === 3 ? 'extra' : undefined}>
                {g.title}
              </th>
            ))}
          </tr>
          <tr>
            {BIEU_06_GROUPS.flatMap((g, i) =>
              g.columns.map((c) => (
                <th key={c.header} scope="col" className={i === 3 ? 'extra' : undefined}>
                  {c.short}
                </th>
              )),
            )}
          </tr>
          <tr className="column-numbers" aria-hidden="true">
            <td>(1)</td>
            <td>(2)</td>
            {BIEU_06_GROUPS.flatMap((g, i) =>
              g.columns.map((c) => (
                <td key={c.header} className={i === 3 ? 'extra' : undefined}>
                  {i === 3 ? '' : `(${++columnNumber})`}
                </td>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.index}-${row.label}`} className={row.total ? 'total' : undefined}>
              <td>{row.index}</td>
              <th scope="row">{row.label}</th>
              {row.cells.map((value, i) => (
                <td key={i} className={i >= 11 ? 'num extra' : 'num'}>
                  {num(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
