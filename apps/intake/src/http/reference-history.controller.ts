import { Controller, Get, Param, ParseEnumPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Roles } from '@app/platform';
import { REFERENCE_KINDS, type ReferenceKind, ReferenceDataService, type ReferenceVersion } from '@app/reference-data';
import { ApiReferenceKind } from './api-docs';

/** Every version of units, procedures or the calendar, for auditors: the reference-data stream read back. */
@ApiTags('reference data')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiReferenceKind()
@Controller('api/v1/reference')
export class ReferenceHistoryController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Get(':kind/history')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary:
      'Every version of a kind, oldest first: who recorded it, when (recorded time), the source, what it changed',
    description:
      'changes lists the entries added, changed (with the fields), ended (only validTo set) or removed, by key (a unit id, a procedure code, a calendar year) and, for units and procedures, the version (validFrom).',
  })
  @ApiOkResponse({
    description:
      '{ kind, versions: [{ version, recordedAt, occurredAt, actor, actorName, source, entry, entries, changes, globalPosition, hash }] }',
  })
  @ApiErrors(400, 401, 403)
  async history(
    @Param('kind', new ParseEnumPipe(REFERENCE_KINDS)) kind: ReferenceKind,
  ): Promise<{ kind: ReferenceKind; versions: ReferenceVersion[] }> {
    return { kind, versions: await this.reference.history(kind) };
  }
}
