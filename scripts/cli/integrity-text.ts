import type {
  ChainProblem,
  IntegrityProblem,
  LogVerification,
  SealExport,
  SealVerification,
  VerificationReport,
} from '@app/event-store';

/** The verdicts of `verify` and `seal`, as lines a user reads (English, with the verdict in Vietnamese too). */
const n = (value: number): string => value.toLocaleString('en');

const KIND: Record<IntegrityProblem['kind'], string> = {
  altered: 'changed (its content no longer gives its hash)',
  missing: 'missing (deleted)',
  reordered: 'out of place (positions swapped)',
  hash_mismatch: 'broken link (a hash or the stream head rewritten, or an event added by hand)',
  seal_broken: 'a sealed range changed',
  seal_chain: 'the chain of seals is broken',
  witness: 'events are gone that other records prove existed',
};

export function problemLine(problem: IntegrityProblem | ChainProblem): string {
  const where =
    'streamId' in problem && problem.streamId !== undefined
      ? `stream ${problem.streamId}${problem.streamPosition !== undefined ? `, position ${problem.streamPosition}` : ''}: `
      : 'sealNumber' in problem && problem.sealNumber !== undefined
        ? `seal #${problem.sealNumber}: `
        : '';
  return `${where}${KIND[problem.kind]} — ${problem.detail}`;
}

const MAX_LISTED = 20;

export function logVerificationLines(report: LogVerification): string[] {
  const lines: string[] = [];
  const rate = report.seconds > 0 ? Math.round(report.eventsChecked / report.seconds) : 0;
  lines.push(
    `Checked ${n(report.eventsChecked)} events of ${n(report.streamsChecked)} streams and ${n(report.sealsChecked)} seals in ${report.seconds.toFixed(1)} s (${n(rate)} events/s).`,
  );
  if (report.lastSeal) {
    lines.push(
      `Last seal: #${report.lastSeal.sealNumber}, up to global position ${n(report.lastSeal.upTo.globalPosition)}, taken ${report.lastSeal.createdAt}; ${n(report.unsealedEvents)} events recorded since.`,
    );
  }
  for (const warning of report.warnings) lines.push(`Note: ${warning}.`);
  if (report.ok) {
    lines.push('INTACT: every hash chain, stream head and seal checks out; nothing recorded was altered or removed.');
    lines.push('Nhật ký sự kiện toàn vẹn: không có sự kiện nào bị sửa hoặc xóa.');
    return lines;
  }
  const [first, ...rest] = report.problems;
  lines.push(`BROKEN: ${problemLine(first as IntegrityProblem)}`);
  for (const problem of rest.slice(0, MAX_LISTED - 1)) lines.push(`  also: ${problemLine(problem)}`);
  if (rest.length >= MAX_LISTED) lines.push(`  … and ${n(rest.length - MAX_LISTED + 1)} more`);
  lines.push(`Nhật ký sự kiện đã bị thay đổi: ${n(report.problems.length)} vấn đề (see docs/integrity.md).`);
  return lines;
}

export function streamVerificationLines(streamId: string, report: VerificationReport): string[] {
  if (report.eventsChecked === 0 && report.ok) return [`Stream ${streamId} has no events.`];
  const lines = [`Checked ${n(report.eventsChecked)} events of stream ${streamId}.`];
  if (report.ok) return [...lines, `INTACT: the stream's hash chain and head check out.`, 'Luồng sự kiện toàn vẹn.'];
  return [
    ...lines,
    ...report.problems.map((p, i) => `${i === 0 ? 'BROKEN: ' : '  also: '}${problemLine(p)}`),
    'Luồng sự kiện đã bị thay đổi.',
  ];
}

export function sealLine(seal: SealExport): string {
  return `#${seal.sealNumber}  ${n(seal.eventCount).padStart(9)} events  global positions ${n(seal.after.globalPosition + 1)}–${n(seal.upTo.globalPosition)}  taken ${seal.createdAt}  ${seal.sealHash.slice(0, 16)}…`;
}

export function sealVerificationLines(verdict: SealVerification): string[] {
  if (verdict.ok)
    return [
      `Seal #${verdict.sealNumber}: INTACT (${n(verdict.eventCount)} events give the sealed hash ${verdict.expectedHash.slice(0, 16)}…).`,
    ];
  return [`Seal #${verdict.sealNumber}: BROKEN — ${verdict.problems.join('; ')}.`];
}
