import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { parseCalendarYears, parseProcedures, parseUnits } from '@app/domain';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '@app/platform';
import { type EntryChange, type ReferenceEntry, type ReferenceKind, ReferenceDataService } from '@app/reference-data';
import { asInvalidEntry, invalidEntry, keyMismatch } from '../reference/entry-errors';

/** What a per-entry change answers. */
export interface EntryChangeView {
  kind: ReferenceKind;
  key: string;
  /** `unchanged`: the entry in force was the same; nothing was recorded. */
  change: EntryChange;
  /** The kind's version in force after the change. */
  version: number;
  record: ReferenceEntry;
}

const RECORD_BODY = (description: string) =>
  ApiBody({ schema: { type: 'object', additionalProperties: true }, description });

/**
 * One unit, procedure version or calendar year at a time, checked and recorded exactly as a whole set
 * (PUT /reference/{kind}): the set in force with this entry put in. An entry is retired by its end date (`validTo`),
 * never deleted; a unit's or procedure's version is the one starting on the body's `validFrom`.
 */
@ApiTags('reference data')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/reference')
export class ReferenceEntriesController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Put('procedures/:code')
  @Roles('admin')
  @ApiOperation({
    summary: 'Add or change one procedure version (the one starting on its validFrom); end it with validTo',
  })
  @ApiParam({ name: 'code', example: 'T-DKDN-01' })
  @RECORD_BODY('One procedure record, the fields of a whole-set upload (`code` may be left out: the path gives it)')
  @ApiErrors(400, 401, 403, 409)
  async putProcedure(
    @Param('code') code: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EntryChangeView> {
    const record = withKey(body, 'code', code);
    return this.change('procedures', code, () => parseProcedures([record])[0] as ReferenceEntry, principal);
  }

  @Put('units/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Add or change one unit version (the one starting on its validFrom); end it with validTo' })
  @ApiParam({ name: 'id', example: 'hue-pvhcc' })
  @RECORD_BODY('One unit record, the fields of a whole-set upload (`id` may be left out: the path gives it)')
  @ApiErrors(400, 401, 403, 409)
  async putUnit(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EntryChangeView> {
    const record = withKey(body, 'id', id);
    // the parent is one of the units in force: read with them (the entry first, so messages say "Bản ghi 1")
    const parse = async () => {
      const others = (await this.reference.snapshot()).units.units;
      return parseUnits([record, ...others])[0] as ReferenceEntry;
    };
    return this.change('units', id, parse, principal);
  }

  @Put('calendar/:year')
  @Roles('admin')
  @ApiOperation({ summary: 'Add or replace one calendar year (days off, swapped working Saturdays, legal notice)' })
  @ApiParam({ name: 'year', example: 2027 })
  @RECORD_BODY('One calendar year, the fields of a whole-set upload (`year` may be left out: the path gives it)')
  @ApiErrors(400, 401, 403, 409)
  async putCalendarYear(
    @Param('year') year: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EntryChangeView> {
    if (!/^\d{4}$/.test(year)) throw invalidEntry('year', 'isYear', 'year: năm gồm 4 chữ số, ví dụ 2027.');
    const record = withKey(body, 'year', Number(year));
    return this.change('calendar', year, () => parseCalendarYears([record])[0] as ReferenceEntry, principal);
  }

  private async change(
    kind: ReferenceKind,
    key: string,
    parse: () => ReferenceEntry | Promise<ReferenceEntry>,
    principal: Principal,
  ): Promise<EntryChangeView> {
    try {
      const record = await parse();
      const { version, change } = await this.reference.changeEntry(
        kind,
        record,
        `PUT /api/v1/reference/${kind}/${key}`,
        {
          actor: principal.subject,
          actorName: principal.name,
          role: 'admin',
        },
      );
      return { kind, key, change, version, record };
    } catch (error) {
      throw asInvalidEntry(error);
    }
  }
}

/** The body as one record, its key filled in from the path (or checked against it). */
function withKey(body: unknown, field: string, key: string | number): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalidEntry('body', 'isObject', 'Nội dung yêu cầu phải là một bản ghi (đối tượng JSON).');
  const record = body as Record<string, unknown>;
  const given = record[field];
  if (given !== undefined && given !== key && String(given) !== String(key))
    throw keyMismatch(field, given, String(key));
  return { ...record, [field]: key };
}
