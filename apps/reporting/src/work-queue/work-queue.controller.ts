import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Role } from '@app/domain';
import { ApiErrors, CurrentPrincipal, type Principal, Roles, readsFor } from '@app/platform';
import { unitsNotAllowed } from '../report-errors';
import { WorkQueueQueryDto } from './work-queue-query.dto';
import { parseWorkQueueRequest } from './work-queue-request';
import { type WorkQueueAnswer, WorkQueueService } from './work-queue.service';

/** Who may find applicants by name: the staff of the units they filed at (the applicants lib's rule). */
const NAME_SEARCH_ROLES: readonly Role[] = ['clerk', 'supervisor', 'admin'];

function nameSearchUnits(principal: Principal): string[] | '*' {
  const held = principal.roles.filter((r) => NAME_SEARCH_ROLES.includes(r.role));
  return held.some((r) => r.unitId === '*') ? '*' : held.map((r) => r.unitId);
}

@ApiTags('work-queue')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/work-queue')
export class WorkQueueController {
  constructor(private readonly queue: WorkQueueService) {}

  @Get()
  @Roles('clerk', 'supervisor', 'director', 'auditor', 'admin')
  @ApiOperation({
    summary: "A unit's work queue: one tab's dossiers by due date (keyset pages), every tab's count, filters, search",
    description:
      'Tabs: in_progress, due_today, due_soon (within 2 working days), overdue, awaiting_supplement, awaiting_financial_obligation (dossiers now at the unit), ready_to_return (results of dossiers received at the unit, not yet handed back). Counts obey the filters and the search. q: a dossier code or its start, an ID number or phone (blind index), part of a name (staff of the unit).',
  })
  @ApiOkResponse({
    description:
      '{ unitId, tab, today, counts: { <tab>: n }, items: [{ id, code, status, procedureCode, channel, receivingUnitId, currentUnitId, receivedAt, receivedBy, dueDate, appointmentDate, workingDaysLeft, applicantName }], nextCursor }',
  })
  @ApiErrors(400, 401, 403)
  async workQueue(
    @Query() query: WorkQueueQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WorkQueueAnswer> {
    const request = parseWorkQueueRequest({ ...query });
    if (!readsFor(principal, request.unitId)) throw unitsNotAllowed([request.unitId]);
    return this.queue.queue(request, nameSearchUnits(principal));
  }
}
