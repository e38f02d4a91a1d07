export {
  buildSnapshot,
  REFERENCE_DATA_REPLACED,
  REFERENCE_KINDS,
  type ReferenceDataReplacedData,
  type ReferenceKind,
  type ReferenceRecords,
  type ReferenceSnapshot,
  referenceStreamId,
} from './reference-data';
export { type EntryChange, type ReferenceEntry, type ReferenceSet, entryKey, withEntry } from './reference-entry';
export { type EntryDifference, type ReferenceVersion, differences, referenceHistory } from './reference-history';
export { proceduresAtUnit } from './procedures-at-unit';
export { ReferenceDataModule } from './reference-data.module';
export { ReferenceDataService } from './reference-data.service';
export { SHIPPED_REFERENCE_RECORDS } from './shipped-reference';
