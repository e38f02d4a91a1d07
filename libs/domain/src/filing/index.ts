export {
  FILING_EVENT_SCHEMA_VERSION,
  type FiledPosition,
  type FiledScope,
  type FiledVersions,
  REPORT_FILED,
  REPORT_FILINGS_STREAM,
  type ReportFiled,
  type ReportFiledData,
} from './report-filed';
export { FILING_ERROR_MESSAGES, FilingError, type FilingErrorCode } from './filing-error';
export { decideFiling, evolveFilings, type FileReport, type FilingsState, initialFilingsState } from './decide-filing';
