import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

const ID_KINDS = ['cccd', 'cmnd', 'passport', 'tax_code'] as const;

export class PostalAddressDto {
  @ApiProperty({ example: 'Thừa Thiên Huế' }) @IsString() @IsNotEmpty() @MaxLength(200) province!: string;
  @ApiProperty({ example: 'Phường Phú Hội, Thành phố Huế' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  locality!: string;
  @ApiProperty({ example: '12 Lê Lợi' }) @IsString() @IsNotEmpty() @MaxLength(200) street!: string;
}

export class IdDocumentDto {
  @ApiProperty({ enum: ID_KINDS, example: 'cccd' }) @IsIn(ID_KINDS) kind!: (typeof ID_KINDS)[number];
  @ApiProperty({ example: '046190001234', description: 'CCCD: 12 digits; CMND: 9 or 12; passport; tax code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  number!: string;
}

export class ReturnByPostDto {
  @ApiProperty({ type: PostalAddressDto })
  @ValidateNested()
  @Type(() => PostalAddressDto)
  deliveryAddress!: PostalAddressDto;
}

/** The applicant on a receipt: never stored in clear (see docs/data-protection.md). */
export class ApplicantDto {
  @ApiProperty({ enum: ['citizen', 'organisation'], example: 'citizen' })
  @IsIn(['citizen', 'organisation'])
  kind!: 'citizen' | 'organisation';
  @ApiProperty({ example: 'Nguyễn Thị Mai' }) @IsString() @IsNotEmpty() @MaxLength(200) fullName!: string;
  @ApiProperty({ type: IdDocumentDto }) @ValidateNested() @Type(() => IdDocumentDto) idDocument!: IdDocumentDto;
  @ApiPropertyOptional({ example: '1990-05-17' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date YYYY-MM-DD' })
  dateOfBirth?: string;
  @ApiPropertyOptional({ example: '0912345678' }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
  // the domain checks the address's form (applicantProblems): validator.js's isEmail costs more than the receipt's hash
  @ApiPropertyOptional({ example: 'mai.nguyen@example.vn', format: 'email' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;
  @ApiPropertyOptional({ type: PostalAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
  @ApiPropertyOptional({ type: ReturnByPostDto, description: 'The result is returned by public postal service' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReturnByPostDto)
  returnByPost?: ReturnByPostDto;
}

export class ApplicantSearchDto {
  @ApiPropertyOptional({ enum: ID_KINDS }) @IsOptional() @IsIn(ID_KINDS) idKind?: (typeof ID_KINDS)[number];
  @ApiPropertyOptional({ example: '046190001234' }) @IsOptional() @IsString() @MaxLength(20) idNumber?: string;
  @ApiPropertyOptional({ example: '0912345678' }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional({ example: 'nguyen thi mai', description: 'Words of the name, without diacritics or case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

export class ErasureDto {
  @ApiProperty({ example: 'Điều 16 Nghị định 13/2023/NĐ-CP' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  legalBasis!: string;
  @ApiProperty({ example: 'Yêu cầu xoá dữ liệu của chủ thể dữ liệu ngày 02/12/2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class AccessLogQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsString() @MaxLength(100) applicantId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) actor?: string;
}
