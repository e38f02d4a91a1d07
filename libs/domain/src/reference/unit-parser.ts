import { fieldReader } from './fields';
import { readRecords, type ReferenceInput } from './records';
import { ReferenceDataError } from './reference-error';
import type { OrganisationUnit } from './unit';

/**
 * Organisation units from JSON or CSV (columns: id, code, name, level, parentId, validFrom, validTo; empty
 * parentId / validTo mean none). Every parent must exist among the records.
 */
export function parseUnits(input: ReferenceInput): OrganisationUnit[] {
  const sources = readRecords(input);
  const units = sources.map(({ row, where, record }) => {
    const read = fieldReader(record, row, where);
    const unit: OrganisationUnit = {
      id: read.string('id'),
      code: read.string('code'),
      name: read.string('name'),
      level: read.string('level'),
      parentId: read.nullableString('parentId'),
      validFrom: read.localDate('validFrom'),
      validTo: read.nullableLocalDate('validTo'),
    };
    if (!/^[0-9A-Za-z.]+$/.test(unit.code))
      read.fail('code', `mã định danh "${unit.code}" chỉ gồm chữ, số và dấu chấm.`);
    if (unit.validTo !== null && unit.validTo <= unit.validFrom)
      read.fail('validTo', `phải sau validFrom (${unit.validFrom}).`);
    return unit;
  });
  const ids = new Set(units.map((u) => u.id));
  units.forEach((unit, i) => {
    if (unit.parentId !== null && !ids.has(unit.parentId)) {
      const source = sources[i];
      throw new ReferenceDataError(
        'UNKNOWN_PARENT',
        `${source?.where ?? ''}, trường "parentId": không có đơn vị "${unit.parentId}".`,
        source?.row ?? null,
        'parentId',
      );
    }
  });
  return units;
}
