import { formatDate, formatNumber } from '@app/domain';
import type { FigureComparison, FilingComparison, LineComparison } from './filing-comparison';

const signed = (n: number): string => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));

/** Instants shown in local time (Asia/Ho_Chi_Minh): "05/9/2020 17:00". */
function local(instant: string): string {
  const shifted = new Date(Date.parse(instant) + 7 * 3_600_000).toISOString();
  return `${formatDate(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`;
}

function figureLines(figure: FigureComparison): string[] {
  const head = `  ${figure.label}: đã nộp ${formatNumber(figure.filed)}, hiện nay ${formatNumber(figure.now)} (${signed(figure.difference)})`;
  const lines = [head];
  for (const d of figure.dossiers) {
    lines.push(`    hồ sơ ${d.code ?? d.dossierId}: ${signed(d.change)}`);
    for (const e of d.events)
      lines.push(
        `      ${e.type}, ngày nghiệp vụ ${local(e.occurredAt)}, ghi nhận ${local(e.recordedAt)} bởi ${e.actorName ?? e.actor ?? 'không rõ'} (vị trí ${e.transactionId}:${e.globalPosition})`,
      );
  }
  if (figure.unexplained !== 0)
    lines.push(`    chưa giải thích được: ${signed(figure.unexplained)} (sổ đọc và nhật ký sự kiện không khớp)`);
  return lines;
}

function lineText(line: LineComparison): string[] {
  const changed = line.figures.filter((f) => f.difference !== 0 || f.dossiers.length > 0);
  if (changed.length === 0) return [`${line.subject}: không thay đổi.`];
  return [`${line.subject}:`, ...changed.flatMap(figureLines)];
}

/** "Filed versus now" in Vietnamese, for the command line and the demo. */
export function renderComparisonText(comparison: FilingComparison): string {
  const { filing } = comparison;
  return [
    `Báo cáo "${filing.title}" (mã ${filing.id}), nộp lúc ${local(filing.filedAt)}, ` +
      `từ ngày ${formatDate(filing.period.from)} đến ngày ${formatDate(filing.period.to)}.`,
    `Số liệu đã nộp tính tại vị trí ${filing.position.transactionId}:${filing.position.globalPosition} của nhật ký; ` +
      `số liệu hiện nay tại vị trí ${comparison.now.transactionId}:${comparison.now.globalPosition}.`,
    `Sau khi nộp: ${formatNumber(comparison.eventsAfterFiling)} sự kiện được ghi nhận, ` +
      `${formatNumber(comparison.dossiersTouched)} hồ sơ có sự kiện mới, ${formatNumber(comparison.dossiersMoved)} hồ sơ làm thay đổi số liệu của kỳ.`,
    '',
    ...comparison.groups.flatMap((line) => [...lineText(line), '']),
    ...lineText({ ...comparison.total, subject: 'Tổng cộng' }),
  ].join('\n');
}
