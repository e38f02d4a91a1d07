import { parseProcedures } from '../procedure-parser';
import { procedureCatalogue, type Procedure, type ProcedureCatalogue } from '../procedure';
import { parseUnits } from '../unit-parser';
import { unitRegistry, type OrganisationUnit, type UnitRegistry } from '../unit';
import procedures from './hue-2020-procedures.json';
import units from './hue-2020-units.json';

/**
 * Sample reference data: Thừa Thiên Huế as in the 2020 source report (see README.md in this folder for sources
 * and for what is illustrative). Bundled through the JSON import so the domain stays free of I/O; parsed at
 * load so a broken edit of the JSON fails loudly.
 */
export const HUE_2020_UNITS: readonly OrganisationUnit[] = Object.freeze(parseUnits(units));
export const HUE_2020_PROCEDURES: readonly Procedure[] = Object.freeze(parseProcedures(procedures));

export const HUE_PROVINCE_ID = 'tth';
export const HUE_PROVINCIAL_CENTRE_ID = 'tth-pvhcc';

export function hue2020UnitRegistry(): UnitRegistry {
  return unitRegistry(HUE_2020_UNITS);
}

export function hue2020ProcedureCatalogue(): ProcedureCatalogue {
  return procedureCatalogue(HUE_2020_PROCEDURES);
}
