import {
  type FileReport,
  FilingError,
  REPORT_FILED,
  REPORT_FILINGS_STREAM,
  decideFiling,
  evolveFilings,
  initialFilingsState,
} from '@app/domain';
import { type EventMetadata, type EventStore, type StreamFold, handleCommand } from '@app/event-store';
import type { LogBound } from '../replay/log-bound';
import { type FiledReport, filedReportOf } from './filed-report';

const FOLD: StreamFold<ReturnType<typeof evolveFilings>> = {
  initialState: initialFilingsState,
  evolve: (state, event) => evolveFilings(state, event),
};

/** The `report-filings` stream: appends through the generic command handling, reads the filings back. */
export class FilingStore {
  constructor(private readonly store: EventStore) {}

  async file(command: FileReport, metadata: EventMetadata, now = new Date()): Promise<FiledReport> {
    const handled = await handleCommand(
      this.store,
      REPORT_FILINGS_STREAM,
      FOLD,
      (state) => decideFiling(state, command, now.toISOString()),
      { metadata: () => metadata },
    );
    const event = handled.events.findLast((e) => e.type === REPORT_FILED);
    if (!event) throw new Error('the filing was not recorded');
    return filedReportOf(event);
  }

  /** Every filing, oldest first. */
  async list(): Promise<FiledReport[]> {
    const events = await this.store.readStream(REPORT_FILINGS_STREAM);
    return events.filter((e) => e.type === REPORT_FILED).map(filedReportOf);
  }

  async get(id: string): Promise<FiledReport> {
    const filing = (await this.list()).find((f) => f.id === id);
    if (!filing) throw new FilingError('FILING_NOT_FOUND', 'id');
    return filing;
  }

  /** The log position a filing's figures were computed at. */
  async position(id: string): Promise<LogBound> {
    const { position } = await this.get(id);
    return { transactionId: position.transactionId, globalPosition: position.globalPosition };
  }
}
