import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/platform';
import { DueDateQueryDto } from '../dto/reference-query.dto';
import { type DueDatePreview, DueDatePreviews } from '../reference/due-date-preview';

/** The receipt form's preview: the time limit and the due date a receipt would be given (nothing is recorded). */
@ApiTags('reference data')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/reference/procedures')
export class DueDatePreviewController {
  constructor(private readonly previews: DueDatePreviews) {}

  @Get(':code/due-date')
  @ApiOperation({
    summary: 'The due date a receipt of the procedure at the unit would be given (the receipt’s own computation)',
    description:
      '404 PROCEDURE_NOT_FOUND for a code never published, 404 UNIT_NOT_FOUND for a unit not in force on the day ' +
      '(as the receipt); 400 PROCEDURE_NOT_IN_FORCE when no version of the procedure is in force on the day of ' +
      'receivedAt; 409 CALENDAR_NOT_COVERED when no working-day calendar covers it.',
  })
  @ApiParam({ name: 'code', example: 'T-DKDN-01' })
  @ApiErrors(400, 401, 404, 409)
  dueDate(@Param('code') code: string, @Query() query: DueDateQueryDto): Promise<DueDatePreview> {
    return this.previews.preview(code, query.unitId, query.receivedAt);
  }
}
