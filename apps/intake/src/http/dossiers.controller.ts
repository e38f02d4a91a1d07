import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal, Roles } from '@app/platform';
import { invalidField } from '../dossiers/intake-errors';
import type { RequestContext } from '../commands/request-context';
import { DossierCommands } from '../commands/dossier-commands';
import { DossierView } from '../dossiers/dossier-view';
import { ReceiveDossierDto } from '../dto/receive-dossier.dto';
import { DossierQueries, type HistoryEntry } from '../queries/dossier-queries';
import { ApiDossierId, ApiDossierRead, ApiReceiptCommand, RECEIPT_LINKS } from './api-docs';
import { CommandContext } from './request-context.decorator';

export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Repeat-safe: a repeated request returns the first answer and records nothing new',
};

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('api/v1/dossiers')
export class DossiersController {
  constructor(
    private readonly commands: DossierCommands,
    private readonly queries: DossierQueries,
  ) {}

  @Post()
  @Roles('clerk', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Receive a dossier (Giấy tiếp nhận, Mẫu 01): issues its code and due date' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: DossierView, links: RECEIPT_LINKS })
  @ApiReceiptCommand()
  async receive(
    @Body() body: ReceiveDossierDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DossierView> {
    const { view, replayed } = await this.commands.receive(body, context);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.setHeader('ETag', `"${view.version}"`).setHeader('Location', `/api/v1/dossiers/${view.id}`);
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'Find a dossier by its code' })
  @ApiQuery({ name: 'code', example: '000.00.21.H57-200901-0001' })
  @ApiOkResponse({ type: DossierView })
  @ApiDossierRead()
  async findByCode(
    @Query('code') code: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DossierView> {
    if (!code) throw invalidField('code', 'isNotEmpty', 'code is required: GET /api/v1/dossiers?code=<dossier code>');
    return this.queries.byCode(code, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A dossier as it stands now (from its stream)' })
  @ApiOkResponse({ type: DossierView })
  @ApiDossierId()
  @ApiDossierRead()
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DossierView> {
    const { view } = await this.queries.dossier(id, principal);
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the dossier: business time, recorded time, actor, hash' })
  @ApiDossierId()
  @ApiDossierRead()
  async history(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ dossier: DossierView; events: HistoryEntry[] }> {
    const { view, history } = await this.queries.dossier(id, principal, undefined, 'GET /api/v1/dossiers/{id}/history');
    return { dossier: view, events: history };
  }
}
