import type { SealExport } from '../../event-store.port';

/**
 * The export of a range of the log (docs/integrity.md "Export and offline verifier"): NDJSON, one JSON value a line,
 * in the log's delivery order (transaction id, global position) so that each seal's range is read in one piece:
 *
 *   {"kind":"export","format":EXPORT_FORMAT,"from":P,"to":Q,"exportedAt":"…","seals":N}
 *   {"kind":"seal", …SealExport}                           N lines: every seal overlapping the range, oldest first
 *   {"kind":"event","globalPosition":…,"transactionId":"…","recordedAt":"…(µs)Z","streamId":"…","streamPosition":…,
 *    "type":"…","schemaVersion":…,"prevHash":…,"hash":"…","data":{…},"metadata":{…}}   each event with P ≤ global position ≤ Q
 *   {"kind":"sealed","globalPosition":…,"transactionId":"…","recordedAt":"…","hash":"…"}
 *                                                          an event of an exported seal outside P..Q: its seal line only
 *   {"kind":"end","events":E,"sealed":S}
 *
 * `data` and `metadata` are written in canonical JSON (RFC 8785), the form the event hash covers.
 */
export const EXPORT_FORMAT = 'dossier-tracker/event-log-export@1';

export interface ExportHeader {
  kind: 'export';
  format: typeof EXPORT_FORMAT;
  from: number;
  to: number;
  exportedAt: string;
  seals: number;
}

export type ExportSealLine = { kind: 'seal' } & SealExport;

export interface ExportOptions {
  /** First global position (inclusive, default 1). */
  from?: number;
  /** Last global position (inclusive, default: the last event). */
  to?: number;
  /** Called now and then with the lines written so far. */
  onProgress?: (events: number, sealed: number) => void;
}
