import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** GET /reference/{kind}: everything recorded, or only what is in force on a date (procedures: at a unit). */
export class ReferenceListQueryDto {
  @ApiPropertyOptional({
    example: '2020-09-01',
    description: 'Only the records in force on this local date (units, procedures); default with unitId: today',
  })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'at must be a date YYYY-MM-DD' })
  at?: string;

  @ApiPropertyOptional({
    example: 'tth-pvhcc',
    description:
      "Procedures only: those a receipt at the unit accepts on `at` (every one in force; the unit's level first)",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  unitId?: string;
}

/** GET /reference/procedures/{code}/due-date. */
export class DueDateQueryDto {
  @ApiPropertyOptional({ example: 'tth-pvhcc', description: 'The receiving unit (required)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unitId?: string;

  @ApiPropertyOptional({
    example: '2020-09-01T02:00:00Z',
    description: 'When the dossier is received; default: now. Never in the future.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  receivedAt?: string;
}
