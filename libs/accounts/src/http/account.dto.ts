import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ROLES, type Role } from '@app/domain';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SignInDto {
  @ApiProperty({ example: 'nguyenvana' }) @IsString() @IsNotEmpty() @MaxLength(64) username!: string;
  @ApiProperty({ example: 'một mật khẩu dài', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' }) @IsString() @IsNotEmpty() @MaxLength(128) currentPassword!: string;
  @ApiProperty({ format: 'password', minLength: 10 }) @IsString() @IsNotEmpty() @MaxLength(128) newPassword!: string;
}

export class GrantDto {
  @ApiProperty({ enum: ROLES, example: 'clerk' }) @IsIn(ROLES) role!: Role;
  @ApiProperty({ example: 'tth-hcc-hue', description: 'A unit of the registry, or `*` for every unit' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  unitId!: string;
  @ApiPropertyOptional({ example: '2026-07-01', description: 'First day in force (default: today)' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom?: string;
  @ApiPropertyOptional({ example: '2027-01-01', description: 'First day no longer in force (default: none)' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'validUntil must be a date YYYY-MM-DD' })
  validUntil?: string;
}

export class RegisterAccountDto {
  @ApiProperty({ example: 'nguyenvana', description: 'Lower-case letters, digits, . _ - (3–64)' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'username: 3–64 lower-case letters, digits, . _ -' })
  username!: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) @IsString() @IsNotEmpty() @MaxLength(120) displayName!: string;
  @ApiPropertyOptional({ enum: ['person', 'service'], default: 'person' })
  @IsOptional()
  @IsIn(['person', 'service'])
  kind?: 'person' | 'service';
  @ApiPropertyOptional({ type: [GrantDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GrantDto)
  grants?: GrantDto[];
  @ApiPropertyOptional({ format: 'password', description: 'Default: a one-time password, returned once' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  password?: string;
}

export class EndGrantDto {
  @ApiPropertyOptional({ example: '2026-07-01', description: 'First day no longer in force (default: today)' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'effectiveOn must be a date YYYY-MM-DD' })
  effectiveOn?: string;
}

export class DisableAccountDto {
  @ApiProperty({ example: 'Chuyển công tác' }) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class ScopeDto {
  @ApiProperty({ enum: ROLES, example: 'clerk' }) @IsIn(ROLES) role!: Role;
  @ApiProperty({ example: 'tth-hcc-hue' }) @IsString() @IsNotEmpty() @MaxLength(100) unitId!: string;
}

export class IssueServiceTokenDto {
  @ApiProperty({ example: 'Cổng dịch vụ công tỉnh' }) @IsString() @IsNotEmpty() @MaxLength(200) label!: string;
  @ApiProperty({ type: [ScopeDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ScopeDto)
  scope!: ScopeDto[];
  @ApiProperty({ example: 90, minimum: 1, maximum: 366 }) @IsInt() @Min(1) @Max(366) expiresInDays!: number;
}
