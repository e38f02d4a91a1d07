import { EVERY_UNIT } from '@app/domain';
import { ApplicationError, type Principal, readsFor } from '@app/platform';
import type { FiledReportSummary } from '@app/reports';
import { unitsNotAllowed } from '../report-errors';

const FILING_ROLES = ['director', 'admin'] as const;

/** A report is filed by a director of every unit in its scope, or an administrator. */
export function checkMayFile(principal: Principal, units: readonly string[]): void {
  const refused = units.filter(
    (unit) =>
      !principal.roles.some(
        (r) => (FILING_ROLES as readonly string[]).includes(r.role) && (r.unitId === EVERY_UNIT || r.unitId === unit),
      ),
  );
  if (refused.length > 0)
    throw new ApplicationError(
      403,
      'UNIT_NOT_ALLOWED',
      `Chỉ lãnh đạo của đơn vị hoặc quản trị viên được nộp báo cáo của đơn vị: ${refused.join(', ')}.`,
      { units: refused },
    );
}

/** A filing is read by whoever reads every unit of its scope. */
export function mayRead(principal: Principal, filing: FiledReportSummary): boolean {
  return filing.scope.unitsInScope.every((unit) => readsFor(principal, unit));
}

export function checkMayRead(principal: Principal, filing: FiledReportSummary): void {
  const refused = filing.scope.unitsInScope.filter((unit) => !readsFor(principal, unit));
  if (refused.length > 0) throw unitsNotAllowed(refused);
}
