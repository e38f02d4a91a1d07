import { type CustomTypesConfig, types } from 'pg';

const JSONB = 3802;
const JSON_OID = 114;
const TIMESTAMPTZ = 1184;
const timestamptz = types.getTypeParser(TIMESTAMPTZ, 'text');

/**
 * The value parsers of every event-store query, independent of process-wide `pg.types` changes made by other
 * libraries (some install a JSON reviver turning large integers into BigInt, which would change what the hash
 * verifier sees). int8 columns are selected as text and converted explicitly.
 */
export const EVENT_STORE_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === JSONB || oid === JSON_OID) return JSON.parse;
    if (oid === TIMESTAMPTZ) return timestamptz;
    return types.getTypeParser(oid, format ?? 'text');
  }) as CustomTypesConfig['getTypeParser'],
};
