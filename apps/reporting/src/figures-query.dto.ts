import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/**
 * The query string of GET /api/v1/reports/dossier-figures. Only the shape is checked here (unknown parameters are
 * refused by the global pipe); the meaning — dates, period, units, levels — by parseReportRequest in libs/reports.
 */
export class FiguresQueryDto {
  @ApiPropertyOptional({ example: '2020-06-10', description: 'First local date of the period (YYYY-MM-DD, Asia/Ho_Chi_Minh)' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2020-09-04', description: 'Last local date of the period (included)' })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ example: 'tth-pvhcc', description: 'Receiving unit id(s), comma-separated (or give level)' })
  @IsOptional()
  @IsString()
  unit?: string;

  @ApiPropertyOptional({ example: 'province,district', description: 'Level(s): the units of that level in force on "to"' })
  @IsOptional()
  @IsString()
  level?: string;

  @ApiPropertyOptional({ enum: ['unit', 'level', 'procedure', 'none'], description: 'Default: level when level is given, unit otherwise' })
  @IsOptional()
  @IsString()
  groupBy?: string;

  @ApiPropertyOptional({ example: '2020-09-05T17:00:00+07:00', description: 'Figures from the events recorded up to this instant (computed by replay)' })
  @IsOptional()
  @IsString()
  asKnownAt?: string;

  @ApiPropertyOptional({ enum: ['read-model', 'replay'], description: 'Default read-model; replay = the auditor recomputation from the log' })
  @IsOptional()
  @IsString()
  source?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'text'], description: 'json (default), csv (Biểu 06/VPCP/KSTT) or text (Vietnamese paragraphs)' })
  @IsOptional()
  @IsString()
  format?: string;
}
