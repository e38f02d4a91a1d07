import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, ApplicationError, CurrentPrincipal, type Principal, Roles } from '@app/platform';
import {
  FILING_FORMATS,
  type FiledReport,
  type FiledReportSummary,
  type FilingComparison,
  type FilingFormat,
  FilingService,
  filedFileName,
  renderFiledCsv,
  renderFiledText,
  renderFiledXlsx,
  summaryOf,
} from '@app/reports';
import { XLSX_CONTENT_TYPE } from '../download';
import { checkMayFile, checkMayRead, mayRead } from './filing-access';
import { FileReportDto, FilingQueryDto } from './filing.dto';

/** Filed reports (ReportFiled events of the `report-filings` stream) and "filed versus now". */
@ApiTags('reports')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/reports/filings')
export class FilingsController {
  constructor(private readonly filings: FilingService) {}

  @Post()
  @Roles('director', 'admin')
  @ApiOperation({
    summary: 'File the figures of a period and scope (a ReportFiled event)',
    description:
      'Records the figures as GET dossier-figures answers them, the log position they were computed at, the versions of the reference data and the rules, and a sha256 of the inputs. Directors of every unit in scope, or administrators.',
  })
  @ApiCreatedResponse({ description: 'The filing, with its figures' })
  @ApiErrors(400, 401, 403)
  file(
    @Body() body: FileReportDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<FiledReport> {
    return this.filings.file(
      body,
      {
        actor: principal.subject,
        actorName: principal.name,
        role: principal.roles.find((r) => r.role === 'admin' || r.role === 'director')?.role,
        correlationId: correlationId && correlationId.length <= 200 ? correlationId : randomUUID(),
      },
      (units) => checkMayFile(principal, units),
    );
  }

  @Get()
  @Roles('clerk', 'supervisor', 'director', 'auditor', 'admin')
  @ApiOperation({ summary: 'The filed reports the caller may read (every unit of their scope), newest first' })
  @ApiOkResponse({ description: '{ filings: [...] } without their figures' })
  @ApiErrors(400, 401, 403)
  async list(@CurrentPrincipal() principal: Principal): Promise<{ filings: FiledReportSummary[] }> {
    const filings = (await this.filings.list()).map(summaryOf).filter((f) => mayRead(principal, f));
    return { filings: filings.reverse() };
  }

  @Get(':id')
  @Roles('clerk', 'supervisor', 'director', 'auditor', 'admin')
  @ApiOperation({
    summary:
      'A filed report (json), or its outputs rendered from the filed figures: text, csv (with a UTF-8 BOM), xlsx (Biểu 06 dated at the filing)',
  })
  @ApiProduces('application/json', 'text/plain', 'text/csv', XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The same bytes at any later time' })
  @ApiErrors(400, 401, 403, 404)
  async show(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: FilingQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FiledReport | string | StreamableFile> {
    const format = formatOf(query.format);
    const filing = await this.filings.get(id);
    checkMayRead(principal, filing);
    if (format === 'json') return filing;
    if (format === 'xlsx') {
      const workbook = await renderFiledXlsx(filing);
      return new StreamableFile(workbook, {
        type: XLSX_CONTENT_TYPE,
        disposition: `attachment; filename="${filedFileName(filing, 'xlsx')}"`,
        length: workbook.length,
      });
    }
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${filedFileName(filing, 'csv')}"`);
      return renderFiledCsv(filing);
    }
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    return renderFiledText(filing);
  }

  @Get(':id/comparison')
  @Roles('clerk', 'supervisor', 'director', 'auditor', 'admin')
  @ApiOperation({
    summary: 'Filed versus now: each figure filed and now, and the dossiers and events that moved it since the filing',
  })
  @ApiOkResponse({ description: 'Per line and figure: filed, now, difference, dossiers (change, events), unexplained' })
  @ApiErrors(400, 401, 403, 404)
  async comparison(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FilingComparison> {
    checkMayRead(principal, await this.filings.get(id));
    return this.filings.compare(id);
  }
}

function formatOf(value: string | undefined): FilingFormat {
  if (value === undefined || value === '') return 'json';
  if ((FILING_FORMATS as readonly string[]).includes(value)) return value as FilingFormat;
  const message = `format must be one of ${FILING_FORMATS.join(', ')} (got "${value}")`;
  throw new ApplicationError(400, 'VALIDATION_FAILED', message, {
    errors: [{ field: 'format', rule: 'isIn', message }],
  });
}
