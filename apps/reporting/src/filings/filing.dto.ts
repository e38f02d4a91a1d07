import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /api/v1/reports/filings: the period and scope as the figures API takes them (checked by libs/reports). */
export class FileReportDto {
  @ApiProperty({ example: '2020-06-10', description: 'First local date of the period (YYYY-MM-DD)' })
  @IsString()
  @MaxLength(100)
  from!: string;

  @ApiProperty({ example: '2020-09-04', description: 'Last local date of the period (included)' })
  @IsString()
  @MaxLength(100)
  to!: string;

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

  @ApiPropertyOptional({ enum: ['unit', 'level', 'procedure', 'none'] })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  groupBy?: string;

  @ApiPropertyOptional({
    example: 'Báo cáo Quý III/2020',
    description: 'Default: "Báo cáo số liệu từ ngày … đến ngày …"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;
}

export class FilingQueryDto {
  @ApiPropertyOptional({
    enum: ['json', 'text', 'csv', 'xlsx'],
    description: 'json (default): the filing; text / csv / xlsx: its outputs, rendered from the filed figures',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  format?: string;
}
