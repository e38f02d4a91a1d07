import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { normalisePhone, READING_ROLES, type Role } from '@app/domain';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '@app/platform';
import { invalidApplicant } from '../applicant-errors';
import { ApplicantVault } from '../applicant-vault';
import { AccessLogQueryDto, ApplicantSearchDto, ErasureDto } from './applicants.dto';

/** The units whose dossiers the principal reads with these roles: `*` for every unit. */
function unitsRead(principal: Principal, roles: readonly Role[] = READING_ROLES): string[] | '*' {
  const held = principal.roles.filter((r) => roles.includes(r.role));
  return held.some((r) => r.unitId === '*') ? '*' : held.map((r) => r.unitId);
}

/**
 * Finding applicants' dossiers without the data in clear (ID number or phone through the blind index; names for the
 * staff of the units they filed at), erasure on request, and the access log for auditors and data protection.
 */
@ApiTags('applicants')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/v1/applicants')
export class ApplicantsController {
  constructor(private readonly vault: ApplicantVault) {}

  @Get('dossiers')
  @ApiOperation({
    summary: 'Dossiers of an applicant: by exact ID number (idKind + idNumber), phone, or name (staff of the unit)',
  })
  @ApiErrors(400, 401, 403)
  async dossiers(@Query() query: ApplicantSearchDto, @CurrentPrincipal() principal: Principal) {
    let applicantIds: string[];
    let units = unitsRead(principal);
    if (query.idNumber !== undefined || query.idKind !== undefined) {
      if (!query.idNumber || !query.idKind)
        throw invalidApplicant([{ field: 'idNumber', rule: 'withIdKind', message: 'idKind and idNumber go together' }]);
      applicantIds = await this.vault.applicantsOf({
        idKind: query.idKind,
        idNumber: query.idNumber.replace(/\s+/g, '').toUpperCase(),
      });
    } else if (query.phone !== undefined) {
      applicantIds = await this.vault.applicantsOf({ phone: normalisePhone(query.phone) });
    } else if (query.name !== undefined && query.name.trim().length >= 2) {
      units = unitsRead(principal, ['clerk', 'supervisor', 'admin']);
      applicantIds = units.length === 0 ? [] : await this.vault.index.searchNames(query.name, units);
    } else {
      throw invalidApplicant([
        { field: 'idNumber', rule: 'oneSearch', message: 'give idKind + idNumber, phone, or name (2 letters or more)' },
      ]);
    }
    if (units !== '*' && units.length === 0) return [];
    return this.vault.index.dossiersOf(applicantIds, units);
  }

  @Post(':applicantId/erasure')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: "Erases the applicant's personal data (destroys their key): figures, history and verify are unchanged",
  })
  @ApiErrors(400, 401, 403, 404)
  async erase(
    @Param('applicantId', new ParseUUIDPipe()) applicantId: string,
    @Body() body: ErasureDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const { erasedAt } = await this.vault.erase(applicantId, body, {
      actor: principal.subject,
      actorName: principal.name,
    });
    return { applicantId, erasedAt };
  }

  @Get('access-log')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: "Who displayed which applicant's personal data, when and why" })
  @ApiErrors(400, 401, 403)
  accessLog(@Query() query: AccessLogQueryDto) {
    return this.vault.accessLog.query(query);
  }

  @Post('master-key/rotation')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'A new master key; every data key re-wrapped with it (the log is not touched)' })
  @ApiErrors(400, 401, 403)
  rotate() {
    return this.vault.rotateMasterKey();
  }
}
