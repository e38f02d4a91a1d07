export { type EffectiveDated, isEffectiveOn, intervalsOverlap } from './effective-dated';
export { ReferenceDataError } from './reference-error';
export { parseCsv, type CsvRow } from './csv';
export { type ReferenceInput } from './records';
export { type OrganisationUnit, type UnitRegistry, unitRegistry } from './unit';
export { parseUnits } from './unit-parser';
export {
  type Procedure,
  type ProcedureCatalogue,
  type OnlineLevel,
  ONLINE_LEVELS,
  procedureCatalogue,
  isProcedureInForce,
} from './procedure';
export { parseProcedures } from './procedure-parser';
export { checkRegistryReplacement } from './registry-replacement';
export {
  HUE_2020_UNITS,
  HUE_2020_PROCEDURES,
  HUE_PROVINCE_ID,
  HUE_PROVINCIAL_CENTRE_ID,
  hue2020UnitRegistry,
  hue2020ProcedureCatalogue,
} from './data/hue-2020';
