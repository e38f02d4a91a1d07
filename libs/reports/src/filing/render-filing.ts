import { renderCsv } from '../render/render-csv';
import { renderText } from '../render/render-text';
import type { FiledReport } from './filed-report';

/** The outputs of a filed report, rendered from the filed figures only (never recomputed): the same bytes at any time. */
export const FILING_FORMATS = ['json', 'text', 'csv'] as const; // 'xlsx' joins with issue 17 (a renderer of FiledFigures)
export type FilingFormat = (typeof FILING_FORMATS)[number];

const BOM = '\uFEFF';

/** The Vietnamese paragraphs, as the figures API's text output gave them when filed. */
export function renderFiledText(filing: FiledReport): string {
  return renderText(filing.figures);
}

/** Biểu 06 with a UTF-8 byte order mark (spreadsheets then read the Vietnamese right). */
export function renderFiledCsv(filing: FiledReport): string {
  return `${BOM}${renderCsv(filing.figures)}`;
}

/** The download's file name: `bao-cao-<from>-<to>-<id>.<ext>`. */
export function filedFileName(filing: FiledReport, extension: string): string {
  return `bao-cao-${filing.period.from}-${filing.period.to}-${filing.id}.${extension}`;
}
