import { Type } from 'class-transformer';
import { ApplicantDto } from '@app/applicants';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export const CHANNEL_VALUES = ['counter', 'online', 'postal'] as const;

export class ReceiveDossierDto {
  @ApiProperty({ example: '1.001612', description: 'Code of the procedure (thủ tục hành chính) in force' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  procedureCode!: string;

  @ApiProperty({ example: 'hue-province-centre', description: 'The unit where the dossier is logged' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  receivingUnitId!: string;

  @ApiPropertyOptional({
    description: 'The unit that decides, when different (liên thông); defaults to the receiving unit',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  competentUnitId?: string;

  @ApiProperty({ enum: CHANNEL_VALUES, example: 'counter' })
  @IsIn(CHANNEL_VALUES)
  channel!: (typeof CHANNEL_VALUES)[number];

  @ApiPropertyOptional({
    example: '2020-09-01T02:00:00Z',
    description: 'For back-office entry of paper records; default: now. Never in the future.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @ApiPropertyOptional({
    example: 'QUAY-3/0042',
    description:
      "The counter's own reference of the file, recorded in clear: never personal data (put the applicant in `applicant`)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  applicantReference?: string;

  @ApiPropertyOptional({
    type: ApplicantDto,
    description: "Who filed it: sealed with the applicant's own key before it is recorded, never in clear in the log",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant?: ApplicantDto;
}

export class RefuseReceiptDto {
  @ApiProperty({ example: '1.001612' }) @IsString() @IsNotEmpty() @MaxLength(100) procedureCode!: string;
  @ApiProperty({ example: 'hue-province-centre' }) @IsString() @IsNotEmpty() @MaxLength(100) receivingUnitId!: string;
  @ApiProperty({ enum: CHANNEL_VALUES }) @IsIn(CHANNEL_VALUES) channel!: (typeof CHANNEL_VALUES)[number];
  @ApiProperty({ example: 'Hồ sơ không thuộc thẩm quyền giải quyết' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
  @ApiPropertyOptional({ example: '2020-09-01T02:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  refusedAt?: string;
}
