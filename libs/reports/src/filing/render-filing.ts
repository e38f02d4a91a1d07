import { renderCsv } from '../render/render-csv';
import { renderText } from '../render/render-text';
import { renderXlsx } from '../render/render-xlsx';
import type { FiledReport } from './filed-report';

/** The outputs of a filed report, rendered from the filed figures only (never recomputed): the same bytes at any time. */
export const FILING_FORMATS = ['json', 'text', 'csv', 'xlsx'] as const;
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

/** Biểu 06 as an XLSX workbook dated at the filing's time: the same bytes at any time. */
export function renderFiledXlsx(filing: FiledReport): Promise<Buffer> {
  return renderXlsx(filing.figures, { createdAt: new Date(filing.filedAt) });
}

/** The download's file name: `bao-cao-<from>-<to>-<id>.<ext>`. */
export function filedFileName(filing: FiledReport, extension: string): string {
  return `bao-cao-${filing.period.from}-${filing.period.to}-${filing.id}.${extension}`;
}
