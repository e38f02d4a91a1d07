import { type Figures, formatDate, formatNumber, formatShare } from '@app/domain';
import type { FiguresReport, ReportGroupFigures } from '../figures/figures-report';

/**
 * The report's Vietnamese paragraphs, in the source report's words (Huế, Q3 2020, § II.3.b): the receipt and
 * resolution sentence of each group, the public postal service sentence, and the reconciliation that places every
 * dossier. Numbers, shares and dates come from the domain's Vietnamese rendering; nothing here knows a figure.
 */
export function renderText(report: FiguresReport): string {
  const { from, to } = report.period;
  const period = `từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`;
  return [
    resolutionParagraph(report.groups, period),
    postalParagraph(report.groups, period),
    reconciliationParagraph(report.groups),
  ]
    .filter((p) => p.length > 0)
    .join('\n\n');
}

const n = formatNumber;
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const at = (group: ReportGroupFigures): string => `${group.preposition} ${group.subject}`;

/** "…đã tiếp nhận 26.286 hồ sơ; đã giải quyết 22.174 hồ sơ; trong đó, … đang giải quyết 4.111 hồ sơ." */
export function resolutionClause(f: Figures): string {
  return (
    `đã tiếp nhận ${n(f.received.total)} hồ sơ; đã giải quyết ${n(f.resolved.total)} hồ sơ; trong đó, ` +
    `đã giải quyết trước hẹn ${n(f.resolved.early)} hồ sơ (đạt tỷ lệ ${formatShare(f.shares.early)}%), ` +
    `đúng hẹn ${n(f.resolved.onTime)} hồ sơ (đạt tỷ lệ ${formatShare(f.shares.onTime)}%), ` +
    `trễ hẹn ${n(f.resolved.late)} hồ sơ (tỷ lệ ${formatShare(f.shares.late)}%); ` +
    `đang giải quyết ${n(f.inProgress.total)} hồ sơ.`
  );
}

function resolutionParagraph(groups: readonly ReportGroupFigures[], period: string): string {
  return groups
    .map((group, i) =>
      i === 0
        ? `${capitalise(period)}, ${at(group)} ${resolutionClause(group.figures)}`
        : `${capitalise(at(group))} ${resolutionClause(group.figures)}`,
    )
    .join(' ');
}

function postalParagraph(groups: readonly ReportGroupFigures[], period: string): string {
  if (groups.length === 0) return '';
  const parts = groups.map((group) => `${at(group)} đã tiếp nhận ${n(group.figures.received.postal)} hồ sơ`);
  return `Về tiếp nhận hồ sơ TTHC qua dịch vụ bưu chính công ích, ${period}, ${parts.join('; ')}.`;
}

function reconciliationParagraph(groups: readonly ReportGroupFigures[]): string {
  if (groups.length === 0) return '';
  const parts = groups.map((group) => {
    const r = group.figures.reconciliation;
    return (
      `${at(group)}: kỳ trước chuyển sang ${n(r.carriedOver)} hồ sơ, mới tiếp nhận ${n(r.received)} hồ sơ; ` +
      `đã giải quyết ${n(r.resolved)} hồ sơ, đang giải quyết ${n(r.inProgress)} hồ sơ, ` +
      `công dân rút hồ sơ ${n(r.withdrawn)} hồ sơ, dừng xử lý ${n(r.stopped)} hồ sơ, ` +
      `chờ bổ sung hồ sơ ${n(r.waitingSupplement)} hồ sơ, chờ thực hiện nghĩa vụ tài chính ${n(r.waitingFinancialObligation)} hồ sơ; ` +
      `chênh lệch ${n(r.difference)} hồ sơ`
    );
  });
  return `Đối chiếu số liệu (kỳ trước chuyển sang + mới tiếp nhận = đã giải quyết + đang giải quyết + rút + dừng + chờ bổ sung + chờ nghĩa vụ tài chính): ${parts.join('; ')}.`;
}
