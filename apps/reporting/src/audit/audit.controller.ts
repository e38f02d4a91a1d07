import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { SealExport } from '@app/event-store';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '@app/platform';
import { SealPageQueryDto, VerificationQueryDto, wholeNumber } from './audit-query.dto';
import { AuditService, type IntegrityStatus } from './audit.service';
import type { VerificationRun } from './verification-runs';

/** The auditor's view of the log's integrity: verify runs, seals (docs/integrity.md). Auditors and administrators. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('auditor', 'admin')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('integrity')
  @ApiOperation({
    summary: 'The last verify run (through this API) and the seals: the newest, events since, the next automatic one',
  })
  @ApiOkResponse({
    description:
      '{ lastVerification, verificationsRunning, seals: { count, last, unsealedEvents, policy, nextDueAt, nextDueAfterEvents } }',
  })
  @ApiErrors(400, 401, 403)
  integrity(): Promise<IntegrityStatus> {
    return this.audit.integrity();
  }

  @Post('verifications')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Run verify (the whole log, or ?stream=) in the background; follow it at the Location answered',
    description:
      'verify of the whole log reads every event (about a minute per 4 million events): the run is answered at once with status "running"; asking again while one runs answers that run.',
  })
  @ApiAcceptedResponse({ description: 'The run: { id, scope, status: running, startedAt, … }' })
  @ApiErrors(400, 401, 403)
  start(
    @Query() query: VerificationQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): VerificationRun {
    const run = this.audit.startVerification(query.stream, principal.subject);
    res.setHeader('Location', `/api/v1/audit/verifications/${run.id}`);
    return run;
  }

  @Get('verifications/:id')
  @ApiOperation({ summary: 'A verify run: running, done (ok and the report: problems first broken first) or failed' })
  @ApiErrors(400, 401, 403, 404)
  verification(@Param('id', new ParseUUIDPipe()) id: string): VerificationRun {
    return this.audit.verification(id);
  }

  @Get('seals')
  @ApiOperation({ summary: 'The seals of the log, newest first, by pages' })
  @ApiOkResponse({ description: '{ seals: [SealExport], total, page, pageSize }' })
  @ApiErrors(400, 401, 403)
  seals(
    @Query() query: SealPageQueryDto,
  ): Promise<{ seals: SealExport[]; total: number; page: number; pageSize: number }> {
    return this.audit.seals(
      wholeNumber('page', query.page, 1, 1, 1_000_000_000),
      wholeNumber('pageSize', query.pageSize, 50, 1, 500),
    );
  }

  @Get('seals/:n/export')
  @ApiParam({ name: 'n', description: 'The seal number', example: 1 })
  @ApiOperation({
    summary:
      'One seal as `seal export` writes it: keep it outside the system, check it with `seal verify FILE` or the offline verifier',
  })
  @ApiErrors(400, 401, 403, 404)
  async exportSeal(@Param('n') n: string, @Res({ passthrough: true }) res: Response): Promise<SealExport> {
    const seal = await this.audit.seal(wholeNumber('n', n, 0, 1, Number.MAX_SAFE_INTEGER));
    res.setHeader('Content-Disposition', `attachment; filename="seal-${seal.sealNumber}.json"`);
    return seal;
  }
}
