import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ApplicationError } from '@app/platform';

/** ?stream= of POST /audit/verifications: one stream's chain instead of the whole log. */
export class VerificationQueryDto {
  @ApiPropertyOptional({ example: 'dossier-4f0c…', description: 'Only this stream (default: the whole log)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  stream?: string;
}

/** ?page=&pageSize= of GET /audit/seals. */
export class SealPageQueryDto {
  @ApiPropertyOptional({ example: '1', description: 'From 1 (default 1)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  page?: string;

  @ApiPropertyOptional({ example: '50', description: '1 to 500 (default 50)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  pageSize?: string;
}

/** A whole number from `min` to `max`, or 400 naming the field. */
export function wholeNumber(
  field: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (/^\d+$/.test(value) && Number.isSafeInteger(n) && n >= min && n <= max) return n;
  const message = `${field}: phải là số nguyên từ ${min} đến ${max} (nhận "${value}").`;
  throw new ApplicationError(400, 'VALIDATION_FAILED', message, { errors: [{ field, rule: 'isInt', message }] });
}
