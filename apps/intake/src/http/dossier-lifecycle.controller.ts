import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@app/platform';
import { ActOnDossierCommand } from '../commands/act-on-dossier.handler';
import type { RequestContext } from '../commands/request-context';
import { DOSSIER_ACTIONS, type DossierAction } from '../dossiers/dossier-actions';
import { DossierView } from '../dossiers/dossier-view';
import { CorrectDto, FinancialObligationDto, LifecycleDto, ReasonDto, RecordResultDto, RequestSupplementDto, RescheduleDto, ReturnResultDto, TransferDto } from '../dto/lifecycle.dto';
import { ApiDossierCommand } from './api-docs';
import { IDEMPOTENCY_HEADER } from './dossiers.controller';
import { CommandContext } from './request-context.decorator';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The dossier version you saw: 412 if it changed since' };

/** One endpoint per lifecycle command of DOMAIN.md; each answers with the dossier's new state. */
@ApiTags('dossier lifecycle')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@ApiHeader(IF_MATCH)
@ApiDossierCommand()
@Controller('api/v1/dossiers/:id')
export class DossierLifecycleController {
  constructor(private readonly commands: CommandBus) {}

  private async act(id: string, action: DossierAction<never>, body: { at?: string }, context: RequestContext, res: Response): Promise<DossierView> {
    const { view, replayed } = await this.commands.execute(new ActOnDossierCommand(id, action, body, context));
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post('transfer')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.transfer.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.transfer.summary })
  @ApiOkResponse({ type: DossierView })
  transfer(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: TransferDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.transfer as DossierAction<never>, body, c, res);
  }

  @Post('request-supplement')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.requestSupplement.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.requestSupplement.summary })
  @ApiOkResponse({ type: DossierView })
  requestSupplement(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RequestSupplementDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.requestSupplement as DossierAction<never>, body, c, res);
  }

  @Post('receive-supplement')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.receiveSupplement.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.receiveSupplement.summary })
  @ApiOkResponse({ type: DossierView })
  receiveSupplement(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: LifecycleDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.receiveSupplement as DossierAction<never>, body, c, res);
  }

  @Post('request-financial-obligation')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.requestFinancialObligation.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.requestFinancialObligation.summary })
  @ApiOkResponse({ type: DossierView })
  requestFinancialObligation(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: FinancialObligationDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.requestFinancialObligation as DossierAction<never>, body, c, res);
  }

  @Post('fulfil-financial-obligation')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.fulfilFinancialObligation.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.fulfilFinancialObligation.summary })
  @ApiOkResponse({ type: DossierView })
  fulfilFinancialObligation(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: FinancialObligationDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.fulfilFinancialObligation as DossierAction<never>, body, c, res);
  }

  @Post('reschedule')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.reschedule.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.reschedule.summary })
  @ApiOkResponse({ type: DossierView })
  reschedule(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RescheduleDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.reschedule as DossierAction<never>, body, c, res);
  }

  @Post('record-result')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.recordResult.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.recordResult.summary })
  @ApiOkResponse({ type: DossierView })
  recordResult(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordResultDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.recordResult as DossierAction<never>, body, c, res);
  }

  @Post('return-result')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.returnResult.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.returnResult.summary })
  @ApiOkResponse({ type: DossierView })
  returnResult(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReturnResultDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.returnResult as DossierAction<never>, body, c, res);
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.withdraw.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.withdraw.summary })
  @ApiOkResponse({ type: DossierView })
  withdraw(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReasonDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.withdraw as DossierAction<never>, body, c, res);
  }

  @Post('stop')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.stop.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.stop.summary })
  @ApiOkResponse({ type: DossierView })
  stop(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReasonDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.stop as DossierAction<never>, body, c, res);
  }

  @Post('correct')
  @HttpCode(200)
  @Roles(...DOSSIER_ACTIONS.correct.roles)
  @ApiOperation({ summary: DOSSIER_ACTIONS.correct.summary })
  @ApiOkResponse({ type: DossierView })
  correct(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CorrectDto, @CommandContext() c: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DossierView> {
    return this.act(id, DOSSIER_ACTIONS.correct as DossierAction<never>, body, c, res);
  }
}
