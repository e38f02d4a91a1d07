import { type Instant } from '../time/local-date';
import { FilingError } from './filing-error';
import { FILING_EVENT_SCHEMA_VERSION, REPORT_FILED, type ReportFiled, type ReportFiledData } from './report-filed';

/** The filings stream folded: the ids filed so far (a filing id is never reused). */
export interface FilingsState {
  filed: ReadonlySet<string>;
}

export const initialFilingsState: FilingsState = { filed: new Set() };

export function evolveFilings(state: FilingsState, event: { type: string; data: unknown }): FilingsState {
  if (event.type !== REPORT_FILED) return state;
  return { filed: new Set([...state.filed, (event.data as ReportFiledData).filingId]) };
}

/** File a report: everything the event holds but the instant, gathered by the caller (figures, position, versions). */
export type FileReport = { type: 'FileReport' } & Omit<ReportFiledData, 'occurredAt'>;

const SHA256 = /^[0-9a-f]{64}$/;

/** Decides the event of a filing, at `now`. Pure: the caller computed the figures and checked the caller's rights. */
export function decideFiling(state: FilingsState, command: FileReport, now: Instant): ReportFiled[] {
  if (state.filed.has(command.filingId)) throw new FilingError('FILING_EXISTS', 'filingId');
  if (command.period.from > command.period.to) throw new FilingError('INVALID_PERIOD', 'to');
  if (command.scope.unitsInScope.length === 0) throw new FilingError('EMPTY_SCOPE', 'unit');
  const title = command.title.trim().normalize('NFC');
  if (title.length < 1 || title.length > 200) throw new FilingError('INVALID_TITLE', 'title');
  if (!SHA256.test(command.inputsSha256)) throw new FilingError('INVALID_HASH', 'inputsSha256');
  const { transactionId, globalPosition } = command.position;
  if (!/^\d+$/.test(transactionId) || !Number.isSafeInteger(globalPosition) || globalPosition < 0)
    throw new FilingError('INVALID_POSITION', 'position');
  const { type: _type, ...data } = command;
  return [
    {
      type: REPORT_FILED,
      schemaVersion: FILING_EVENT_SCHEMA_VERSION,
      data: { ...data, title, occurredAt: now },
    },
  ];
}
