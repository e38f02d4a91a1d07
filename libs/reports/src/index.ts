export {
  type FiguresSource,
  FORMATS,
  GROUP_BYS,
  type GroupBy,
  type ReportFormat,
  ReportParameterError,
  type ReportRequest,
  SOURCES,
} from './query/report-request';
export { parseReportRequest, type RawReportParameters } from './query/parse-report-request';
export { type ReplayOptions, replayRecords, type ReplayResult } from './replay/replay-records';
export { type FiguresReport, type ReportGroupFigures } from './figures/figures-report';
export { DEFAULT_LEVEL_SUBJECTS, type LevelSubjects, pluralSubject } from './figures/level-subjects';
export { type ReportScope, resolveScope, type ScopeGroup, type ScopeUnit } from './figures/report-scope';
export { FiguresService, type FiguresServiceDeps } from './figures/figures.service';
export { renderText, resolutionClause } from './render/render-text';
export { BIEU_06_HEADER, bieu06Rows, CSV_BOM, renderCsv } from './render/render-csv';
export { renderXlsx, XLSX_LAYOUT, type XlsxOptions } from './render/render-xlsx';
export { type FiguresJson, renderJson } from './render/render-json';
export {
  figuresOfRecords,
  replayFigures,
  type ReplayFiguresRequest,
  type ReplayFiguresResult,
} from './replay/replay-figures';
export { replayFiguresInWorker } from './replay/replay-in-worker';
export { type LogBound, formatBound } from './replay/log-bound';
export { type PositionedReport } from './figures/figures.service';
export { type ReportWarning } from './figures/report-warnings';
export { FILING_ID } from './query/parse-report-request';
export { FIGURE_KEYS, FIGURE_LABELS, type FigureKey } from './filing/figure-keys';
export { type FiledFigures, type FiledReport, type FiledReportSummary, summaryOf } from './filing/filed-report';
export { FilingStore } from './filing/filing-store';
export { FilingService, type FilingRequest, type FilingServiceDeps } from './filing/filing.service';
export type {
  DossierContribution,
  FigureComparison,
  FilingComparison,
  LineComparison,
} from './filing/filing-comparison';
export type { MovingEvent } from './filing/dossier-moves';
export { inputsSha256, type FilingInputs } from './filing/filing-inputs';
export { compareFiling } from './filing/compare-filing';
export {
  FILING_FORMATS,
  type FilingFormat,
  filedFileName,
  renderFiledCsv,
  renderFiledText,
  renderFiledXlsx,
} from './filing/render-filing';
export { renderComparisonText } from './filing/render-comparison';
