import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, type Principal, Roles, readsFor } from '@app/platform';
import { unitsNotAllowed } from '../report-errors';
import type { DashboardAnswer } from './dashboard-answer';
import { DashboardQueryDto } from './dashboard-query.dto';
import { parseDashboardRequest } from './dashboard-request';
import { DashboardService } from './dashboard.service';

@ApiTags('reports')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/reports/dashboard')
export class DashboardController {
  constructor(private readonly dashboards: DashboardService) {}

  @Get()
  @Roles('clerk', 'supervisor', 'director', 'auditor', 'admin')
  @ApiOperation({
    summary: "The dashboard's data for a period and scope, from the read models (one snapshot, never a replay)",
    description:
      'Received by channel and results by class per day or ISO week, in progress within/overdue, overdue dossiers by unit, the 10 procedures with the most late results, units by on-time share, and how far the read models are behind the log. Scope as the figures endpoint: clerks, supervisors and directors their units, auditors and administrators every unit.',
  })
  @ApiOkResponse({
    description:
      '{ period, interval, units, projector: { globalPosition, lagEvents, lagCapped, lagSeconds }, received: [{ date, counter, online, postal }], results: [{ date, early, onTime, late }], inProgress: { within, overdue, asOf }, overdue: { basis, asOf, unitOf }, overdueByUnit: [{ unitId, unitName, overdue }], lateProcedures: [{ procedureCode, procedureName, resolved, late, lateShare, overdue, overdueByUnit }], unitsByOnTime: [{ unitId, unitName, resolved, early, onTime, late, onTimeShare }], generatedAt }',
  })
  @ApiErrors(400, 401, 403)
  dashboard(@Query() query: DashboardQueryDto, @CurrentPrincipal() principal: Principal): Promise<DashboardAnswer> {
    return this.dashboards.dashboard(parseDashboardRequest({ ...query }), (units) => {
      const refused = units.filter((u) => !readsFor(principal, u));
      if (refused.length > 0) throw unitsNotAllowed(refused);
    });
  }
}
