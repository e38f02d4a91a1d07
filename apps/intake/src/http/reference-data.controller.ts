import { Body, Controller, Get, Param, ParseEnumPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  type CalendarYear,
  CalendarError,
  ReferenceDataError,
  parseCalendarYears,
  parseProcedures,
  parseUnits,
  localDateOf,
} from '@app/domain';
import {
  ApiErrors,
  ApplicationError,
  CurrentPrincipal,
  type Principal,
  Roles,
  UPLOAD_BODY_LIMIT_BYTES,
} from '@app/platform';
import { REFERENCE_KINDS, type ReferenceKind, ReferenceDataService, proceduresAtUnit } from '@app/reference-data';
import { invalidField, unitNotFound } from '../dossiers/intake-errors';
import { ReferenceListQueryDto } from '../dto/reference-query.dto';
import { ApiReferenceKind } from './api-docs';

export class ReplaceReferenceDataDto {
  @ApiProperty({ enum: ['json', 'csv'], description: 'Format of `content` (calendar: json only)' })
  @IsIn(['json', 'csv'])
  format!: 'json' | 'csv';

  @ApiProperty({
    description:
      'The file content: a JSON array of records, or CSV with a header line (at most 20 MB: the body limit of this route)',
    maxLength: UPLOAD_BODY_LIMIT_BYTES,
  })
  @IsString()
  @MaxLength(UPLOAD_BODY_LIMIT_BYTES)
  content!: string;

  @ApiPropertyOptional({
    example: 'danh-muc-tthc-2020.csv',
    description: 'Where the data came from (kept in history)',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string;
}

/** Administrators load or replace units, procedures and calendar years; every version stays in the event log. */
@ApiTags('reference data')
@ApiBearerAuth()
@ApiReferenceKind()
@Controller('api/v1/reference')
export class ReferenceDataController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Get(':kind')
  @ApiOperation({
    summary: 'The records of units, procedures or calendar: all, or those in force on a date (procedures: at a unit)',
  })
  @ApiErrors(400, 401, 404)
  async list(
    @Param('kind', new ParseEnumPipe(REFERENCE_KINDS)) kind: ReferenceKind,
    @Query() query: ReferenceListQueryDto,
  ): Promise<{ kind: string; version: number; at?: string; unitId?: string; records: unknown[] }> {
    const snapshot = await this.reference.snapshot();
    const version = snapshot.versions[kind];
    if (query.unitId !== undefined) {
      if (kind !== 'procedures')
        throw invalidField('unitId', 'proceduresOnly', 'unitId: chỉ lọc được danh mục thủ tục theo đơn vị.');
      const at = query.at ?? localDateOf(new Date());
      const offered = proceduresAtUnit(snapshot, query.unitId, at);
      if (!offered) throw unitNotFound('unitId', query.unitId);
      return { kind, version, at, unitId: offered.unit.id, records: offered.procedures };
    }
    if (query.at !== undefined) {
      if (kind === 'calendar') throw invalidField('at', 'unitsOrProcedures', 'at: lịch làm việc không lọc theo ngày.');
      const records = kind === 'units' ? snapshot.units.unitsAt(query.at) : snapshot.procedures.proceduresAt(query.at);
      return { kind, version, at: query.at, records };
    }
    const records =
      kind === 'units'
        ? snapshot.units.units
        : kind === 'procedures'
          ? snapshot.procedures.procedures
          : this.reference.calendarYears();
    return { kind, version, records: [...records] };
  }

  @Put(':kind')
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace the whole set of one kind from a file (validated first; nothing changes if invalid)',
    description:
      'The set may not be empty, and no unit id, procedure code or calendar year in force may be left out: an entry is retired by an end date (validTo).',
  })
  @ApiErrors(400, 401, 403, 413, 415)
  async replace(
    @Param('kind', new ParseEnumPipe(REFERENCE_KINDS)) kind: ReferenceKind,
    @Body() body: ReplaceReferenceDataDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ kind: string; version: number; count: number }> {
    try {
      const records =
        kind === 'units'
          ? parseUnits(body.content)
          : kind === 'procedures'
            ? parseProcedures(body.content)
            : parseCalendar(body);
      const version = await this.reference.replace(kind, records, body.source ?? 'upload', {
        actor: principal.subject,
        actorName: principal.name,
        role: 'admin',
      });
      return { kind, version, count: records.length };
    } catch (error) {
      throw asInvalidReferenceData(error);
    }
  }
}

function parseCalendar(body: ReplaceReferenceDataDto): CalendarYear[] {
  if (body.format !== 'json') {
    const message = 'format: calendar years are loaded from JSON only';
    throw new ApplicationError(400, 'VALIDATION_FAILED', message, {
      errors: [{ field: 'format', rule: 'isIn', message }],
    });
  }
  return parseCalendarYears(body.content);
}

/** A file that is not valid reference data: 400 naming where (`content[0].year`, or the row and field in the message). */
function asInvalidReferenceData(error: unknown): unknown {
  if (error instanceof CalendarError) {
    const field = error.field ? `content${error.field}` : 'content';
    return new ApplicationError(400, 'INVALID_REFERENCE_DATA', error.message, {
      errors: [{ field, rule: 'calendarYear', message: error.message }],
    });
  }
  if (error instanceof ReferenceDataError) {
    const rule =
      error.code === 'EMPTY_REGISTRY' || error.code === 'ENTRY_REMOVED' ? 'registryReplacement' : 'referenceData';
    return new ApplicationError(400, 'INVALID_REFERENCE_DATA', error.message, {
      errors: [{ field: 'content', rule, message: error.message }],
    });
  }
  return error;
}
