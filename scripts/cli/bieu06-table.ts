import { formatNumber } from '@app/domain';
import { BIEU_06_HEADER, type FiguresReport, bieu06Rows } from '@app/reports';

/** Biểu 06 for a terminal: one line per column of the form, one column per group (numbered, named below) and the total. */
export function bieu06Table(report: FiguresReport): string {
  const rows = bieu06Rows(report);
  const names = rows.map((row, i) => (i < rows.length - 1 ? `(${i + 1})` : String(row[1])));
  const columns = rows.map((row) => row.slice(2).map((v) => formatNumber(Number(v))));
  const labels = BIEU_06_HEADER.slice(2);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const widths = names.map((name, i) => Math.max(name.length, ...(columns[i] ?? []).map((v) => v.length)));
  const line = (label: string, cells: string[]): string =>
    label.padEnd(labelWidth) + cells.map((c, i) => `  ${c.padStart(widths[i] ?? 0)}`).join('');
  const legend = rows.slice(0, -1).map((row, i) => `(${i + 1}) ${String(row[1])}`);
  return [
    line('', names),
    ...labels.map((label, r) =>
      line(
        label,
        columns.map((col) => col[r] ?? ''),
      ),
    ),
    '',
    ...legend,
  ].join('\n');
}
