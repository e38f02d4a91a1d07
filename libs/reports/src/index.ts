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
export { BIEU_06_HEADER, bieu06Rows, renderCsv } from './render/render-csv';
export { type FiguresJson, renderJson } from './render/render-json';
export {
  figuresOfRecords,
  replayFigures,
  type ReplayFiguresRequest,
  type ReplayFiguresResult,
} from './replay/replay-figures';
export { replayFiguresInWorker } from './replay/replay-in-worker';
