import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The query string of GET /api/v1/reports/dashboard. Only the shape is checked here (unknown parameters are refused
 * by the global pipe); the meaning by parseDashboardRequest, as the figures endpoint reads period and scope.
 */
export class DashboardQueryDto {
  @ApiPropertyOptional({ example: '2020-06-10', description: 'First local date of the period (YYYY-MM-DD)' })
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

  @ApiPropertyOptional({ example: 'tth-hcc-hue,tth-hcc-phu-vang', description: 'More unit ids (added to unit)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  units?: string;

  @ApiPropertyOptional({
    example: 'province,district',
    description: 'Level(s) (province, district, commune): the units of that level in force on "to"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  level?: string;

  @ApiPropertyOptional({
    enum: ['day', 'week'],
    description: 'Series per day or per ISO week (date = its Monday). Default: day up to 93 days, week beyond',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  interval?: string;
}
