import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, CurrentPrincipal, type Principal, Roles, readsFor } from '@app/platform';
import {
  CSV_BOM,
  FiguresService,
  parseReportRequest,
  renderCsv,
  renderJson,
  renderText,
  renderXlsx,
} from '@app/reports';
import { XLSX_CONTENT_TYPE, wantsDownload } from './download';
import { FiguresQueryDto } from './figures-query.dto';
import { unitsNotAllowed } from './report-errors';

@ApiTags('reports')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/reports')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get('dossier-figures')
  @Roles('clerk', 'supervisor', 'director', 'auditor', 'admin')
  @ApiOperation({
    summary: 'Figures of a period (Biểu 06/VPCP/KSTT, the report paragraph, the reconciliation) for units or levels',
    description:
      'From the read models, or by replay of the event log (source=replay, and always with asKnownAt). Clerks, supervisors and directors see only their units; auditors and administrators every unit.',
  })
  @ApiProduces('application/json', 'text/csv', 'text/plain', XLSX_CONTENT_TYPE)
  @ApiOkResponse({
    description:
      'json: every figure, shares, reconciliation, period, source, asKnownAt; csv: Biểu 06 (UTF-8 with a BOM); xlsx: Biểu 06 laid out as the official table; text: Vietnamese paragraphs (download=1: as a file)',
  })
  @ApiErrors(400, 401, 403)
  async dossierFigures(
    @Query() query: FiguresQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const { download, ...parameters } = query;
    const request = parseReportRequest({ ...parameters });
    const asFile = wantsDownload(download);
    const report = await this.figures.report(request, (units) => {
      const refused = units.filter((u) => !readsFor(principal, u));
      if (refused.length > 0) throw unitsNotAllowed(refused);
    });
    const fileName = `bieu-06-${request.period.from}-${request.period.to}`;
    if (request.format === 'json') return renderJson(report);
    if (request.format === 'xlsx') {
      const workbook = await renderXlsx(report, { createdAt: new Date(report.generatedAt) });
      return new StreamableFile(workbook, {
        type: XLSX_CONTENT_TYPE,
        disposition: `attachment; filename="${fileName}.xlsx"`,
        length: workbook.length,
      });
    }
    if (request.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}.csv"`);
      return `${CSV_BOM}${renderCsv(report)}`;
    }
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    if (asFile)
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="bao-cao-${request.period.from}-${request.period.to}.txt"`,
      );
    return renderText(report);
  }
}
