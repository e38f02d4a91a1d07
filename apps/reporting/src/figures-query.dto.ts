import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The query string of GET /api/v1/reports/dossier-figures. Only the shape is checked here (unknown parameters are
 * refused by the global pipe, and so is text PostgreSQL cannot store); the meaning — dates, period, units, levels —
 * by parseReportRequest in libs/reports. Lengths are capped: a unit list may name a few hundred units.
 */
export class FiguresQueryDto {
  @ApiPropertyOptional({
    example: '2020-06-10',
    description: 'First local date of the period (YYYY-MM-DD, Asia/Ho_Chi_Minh)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  from?: string;

  @ApiPropertyOptional({ example: '2020-09-04', description: 'Last local date of the period (included)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  to?: string;

  @ApiPropertyOptional({ example: 'tth-pvhcc', description: 'Receiving unit id(s), comma-separated (or give level)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  unit?: string;

  @ApiPropertyOptional({
    example: 'province,district',
    description: 'Level(s): the units of that level in force on "to"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  level?: string;

  @ApiPropertyOptional({
    enum: ['unit', 'level', 'procedure', 'none'],
    description: 'Default: level when level is given, unit otherwise',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  groupBy?: string;

  @ApiPropertyOptional({
    example: '2020-09-05T17:00:00+07:00',
    description:
      "Figures by replay from the events recorded up to this instant, or, given a filed report's id, up to the position its figures were computed at",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  asKnownAt?: string;

  @ApiPropertyOptional({
    example: '812:4021',
    description:
      'Figures by replay from the events up to this position of the log: <transaction id>:<global position> (a checkpoint), or a global position alone (every event at or below it)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  asKnownAtPosition?: string;

  @ApiPropertyOptional({
    enum: ['read-model', 'replay'],
    description: 'Default read-model; replay = the auditor recomputation from the log',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  source?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv', 'text', 'xlsx'],
    description:
      'json (default), csv (Biểu 06/VPCP/KSTT, UTF-8 with a BOM), xlsx (Biểu 06 laid out as the official table) or text (Vietnamese paragraphs)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  format?: string;

  @ApiPropertyOptional({
    enum: ['1', 'true'],
    description: 'format=text as a file to save (Content-Disposition: attachment); csv and xlsx always are',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  download?: string;
}
