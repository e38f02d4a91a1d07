import { ApplicantDto } from '@app/applicants';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHANNEL_VALUES } from './receive-dossier.dto';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every lifecycle command may carry the business time (`at`, default now) for back-office entry. */
export class LifecycleDto {
  @ApiPropertyOptional({
    example: '2020-09-03T03:00:00Z',
    description: 'When it happened; default: now. Never in the future.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class ReasonDto extends LifecycleDto {
  @ApiProperty({ example: 'Công dân đề nghị rút hồ sơ' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class TransferDto extends LifecycleDto {
  @ApiProperty({ example: 'hue-huong-thuy-centre' }) @IsString() @IsNotEmpty() @MaxLength(100) toUnitId!: string;
  @ApiPropertyOptional({ example: '2020-09-03' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'stepDueDate must be a date YYYY-MM-DD' })
  stepDueDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class RequestSupplementDto extends ReasonDto {
  @ApiPropertyOptional({ type: [String], example: ['Bản sao giấy chứng nhận'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  documents?: string[];
}

export class FinancialObligationDto extends LifecycleDto {
  @ApiPropertyOptional({ example: 500000, description: 'Amount in VND' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  amount?: number;
  @ApiPropertyOptional({ example: 'Lệ phí trước bạ' }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

export class RescheduleDto extends ReasonDto {
  @ApiProperty({ example: '2020-09-10', description: 'New appointment (Mẫu 04), a working day after the due date' })
  @Matches(LOCAL_DATE, { message: 'newAppointmentDate must be a date YYYY-MM-DD' })
  newAppointmentDate!: string;
}

export class RecordResultDto extends LifecycleDto {
  @ApiProperty({ enum: ['approved', 'refused'] }) @IsIn(['approved', 'refused']) outcome!: 'approved' | 'refused';
  @ApiPropertyOptional({ description: 'Required when refused' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ReturnResultDto extends LifecycleDto {
  @ApiProperty({ enum: ['counter', 'postal', 'online'] }) @IsIn(['counter', 'postal', 'online']) via!:
    'counter' | 'postal' | 'online';
}

export class CorrectionChangesDto {
  @ApiPropertyOptional({ example: '2020-09-01T02:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;
  @ApiPropertyOptional({ enum: CHANNEL_VALUES })
  @IsOptional()
  @IsIn(CHANNEL_VALUES)
  channel?: (typeof CHANNEL_VALUES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) receivingUnitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) competentUnitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) procedureCode?: string;
  @ApiPropertyOptional({ example: '2020-09-03T08:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  resultAt?: string;
  @ApiPropertyOptional({
    type: ApplicantDto,
    description: "The applicant's details as they should have been entered (sealed with their key, like at receipt)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant?: ApplicantDto;
}

export class CorrectDto extends ReasonDto {
  @ApiProperty({ type: CorrectionChangesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CorrectionChangesDto)
  changes!: CorrectionChangesDto;
  @ApiPropertyOptional({ description: 'Stream position of the entry being corrected' })
  @IsOptional()
  @IsInt()
  @Min(1)
  correctsPosition?: number;
}
