import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiPropertyOptional, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EVERY_UNIT, type IdDocumentKind } from '@app/domain';
import { ApiErrors, ApplicationError, CurrentPrincipal, type Principal, Roles } from '@app/platform';
import { ID_DOCUMENT_KINDS, type ReturningApplicant, ReturningApplicants } from '../returning-applicant';

export const LOOKUP_PURPOSE = 'GET /api/v1/applicants/lookup';
const LOOKUP_ROLES = ['clerk', 'supervisor', 'admin'] as const;

export class ApplicantLookupDto {
  @ApiProperty({ example: '046190001234', description: 'The ID number as typed (spaces ignored)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  idNumber!: string;
  @ApiPropertyOptional({ enum: ID_DOCUMENT_KINDS, description: 'Default: any kind of document with this number' })
  @IsOptional()
  @IsIn(ID_DOCUMENT_KINDS)
  idKind?: IdDocumentKind;
}

/** Nothing of the request in the answer: neither the number nor whether it exists elsewhere. */
const notFound = () =>
  new ApplicationError(404, 'APPLICANT_NOT_FOUND', 'Không tìm thấy người nộp hồ sơ có giấy tờ này tại đơn vị của bạn.');

/**
 * The receipt form's look-up of a returning applicant: their details as last recorded, to prefill the form. Staff
 * of the counter find the applicants seen at their units (administrators: everyone); each display is recorded.
 */
@ApiTags('applicants')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/v1/applicants')
export class ApplicantLookupController {
  constructor(private readonly applicants: ReturningApplicants) {}

  @Get('lookup')
  @Roles(...LOOKUP_ROLES)
  @ApiOperation({
    summary: "A returning applicant's details by ID number (blind index), to prefill a receipt; 404 when unknown",
  })
  @ApiErrors(400, 401, 403, 404)
  async lookUp(
    @Query() query: ApplicantLookupDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReturningApplicant> {
    const held = principal.roles.filter((r) => (LOOKUP_ROLES as readonly string[]).includes(r.role));
    const units = held.some((r) => r.role === 'admin' || r.unitId === EVERY_UNIT) ? '*' : held.map((r) => r.unitId);
    const idNumber = query.idNumber.replace(/\s+/g, '').toUpperCase();
    const found = await this.applicants.lookUp(idNumber, query.idKind, units, {
      actor: principal.subject,
      actorName: principal.name,
      purpose: LOOKUP_PURPOSE,
    });
    if (!found) throw notFound();
    return found;
  }
}
