import { formatDate } from '@app/domain';
import type { FiguresReport } from '../figures/figures-report';
import { BIEU_06_HEADER, bieu06Rows } from './render-csv';

/** The official columns of Biểu 06 (1–13); the ones after them complete the reconciliation (not in the form). */
const OFFICIAL_COLUMNS = 13;

/**
 * The form's header bands above the column labels (Circular 01/2020/TT-VPCP): row 0 the column groups, row 1 their
 * parts, over ranges of BIEU_06_HEADER's columns (0-based). The column labels themselves are BIEU_06_HEADER's, less
 * the band's words they repeat ("Số hồ sơ đã giải quyết - Trước hạn" under "Số hồ sơ đã giải quyết" → "Trước hạn").
 */
const BANDS: readonly { row: 0 | 1; first: number; last: number; label: string }[] = [
  { row: 0, first: 2, last: 5, label: 'Số hồ sơ nhận giải quyết' },
  { row: 0, first: 6, last: 12, label: 'Kết quả giải quyết' },
  { row: 0, first: 13, last: 18, label: 'Ngoài biểu: đối chiếu số liệu' },
  { row: 1, first: 3, last: 5, label: 'Trong đó' },
  { row: 1, first: 6, last: 9, label: 'Số hồ sơ đã giải quyết' },
  { row: 1, first: 10, last: 12, label: 'Số hồ sơ đang giải quyết' },
];

/** The sheet's first rows (title block) and where the table starts. */
export const XLSX_LAYOUT = { sheetName: 'Biểu 06', headerRow: 7, numberRow: 10, firstDataRow: 11 } as const;

export interface XlsxOptions {
  /** The workbook's created / modified dates (a filed report: its filing time, so the bytes never change). */
  createdAt: Date;
}

/** A column's label under its bands. */
function leafLabel(column: number): string {
  const header = BIEU_06_HEADER[column] as string;
  const bands = BANDS.filter((b) => b.first <= column && column <= b.last);
  for (const band of bands) if (header.startsWith(`${band.label} - `)) return header.slice(band.label.length + 3);
  return header;
}

/**
 * Biểu 06/VPCP/KSTT as an XLSX workbook laid out as the official table: the form's name and circular, the title,
 * the period, the unit of count; the header in three rows (groups, parts, columns) and the column numbers (1)…;
 * one row per group of the report and "Tổng cộng" — the same rows and columns as the CSV (bieu06Rows,
 * BIEU_06_HEADER), numbers as numbers. exceljs is loaded on first use (not at the app's start). The zip is
 * rewritten with every entry dated `createdAt`, so the same report and date give the same bytes.
 */
export async function renderXlsx(report: FiguresReport, options: XlsxOptions): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dossier-tracker';
  workbook.lastModifiedBy = 'dossier-tracker';
  workbook.created = options.createdAt;
  workbook.modified = options.createdAt;
  const sheet = workbook.addWorksheet(XLSX_LAYOUT.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = BIEU_06_HEADER.length;
  const scope = report.groups.map((g) => g.subject).join('; ');

  sheet.mergeCells(1, 1, 1, 6);
  sheet.getCell(1, 1).value = `Phạm vi: ${scope}`;
  sheet.mergeCells(1, 10, 1, OFFICIAL_COLUMNS);
  sheet.getCell(1, 10).value = 'Biểu số 06/VPCP/KSTT';
  sheet.getCell(1, 10).font = { bold: true };
  sheet.mergeCells(2, 10, 2, OFFICIAL_COLUMNS);
  sheet.getCell(2, 10).value = 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP';
  sheet.getCell(2, 10).font = { italic: true };
  for (const cell of [sheet.getCell(1, 10), sheet.getCell(2, 10)]) cell.alignment = { horizontal: 'center' };
  sheet.mergeCells(3, 1, 3, OFFICIAL_COLUMNS);
  sheet.getCell(3, 1).value = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
  sheet.getCell(3, 1).font = { bold: true, size: 13 };
  sheet.mergeCells(4, 1, 4, OFFICIAL_COLUMNS);
  sheet.getCell(4, 1).value =
    `Kỳ báo cáo: từ ngày ${formatDate(report.period.from)} đến ngày ${formatDate(report.period.to)}`;
  for (const row of [3, 4]) sheet.getCell(row, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(5, 10, 5, OFFICIAL_COLUMNS);
  sheet.getCell(5, 10).value = 'Đơn vị tính: Số hồ sơ TTHC';
  sheet.getCell(5, 10).alignment = { horizontal: 'right' };

  // The header: bands in rows 7 and 8, the columns' labels below them down to row 9, numbers in row 10.
  const top = XLSX_LAYOUT.headerRow;
  for (const band of BANDS) {
    sheet.mergeCells(top + band.row, band.first + 1, top + band.row, band.last + 1);
    sheet.getCell(top + band.row, band.first + 1).value = band.label;
  }
  for (let column = 0; column < width; column++) {
    const covered = BANDS.filter((b) => b.first <= column && column <= b.last).map((b) => b.row);
    const first = top + (covered.length === 0 ? 0 : Math.max(...covered) + 1);
    if (first < top + 2) sheet.mergeCells(first, column + 1, top + 2, column + 1);
    sheet.getCell(first, column + 1).value = leafLabel(column);
    sheet.getCell(XLSX_LAYOUT.numberRow, column + 1).value = `(${column + 1})`;
  }
  for (let row: number = top; row <= XLSX_LAYOUT.numberRow; row++)
    for (let column = 1; column <= width; column++) {
      const cell = sheet.getCell(row, column);
      cell.font = { bold: row < XLSX_LAYOUT.numberRow, italic: row === XLSX_LAYOUT.numberRow };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }

  const rows = bieu06Rows(report);
  rows.forEach((cells, i) => {
    const row = sheet.getRow(XLSX_LAYOUT.firstDataRow + i);
    cells.forEach((value, column) => {
      const cell = row.getCell(column + 1);
      cell.value = column === 0 && value !== '' ? Number(value) : value;
      cell.border = THIN;
      if (column >= 2) cell.numFmt = '#,##0';
      if (i === rows.length - 1) cell.font = { bold: true };
    });
  });
  const note = XLSX_LAYOUT.firstDataRow + rows.length + 1;
  sheet.mergeCells(note, 1, note, width);
  sheet.getCell(note, 1).value =
    'Cột (3) = (4) + (5) + (6); (7) = (8) + (9) + (10); (11) = (12) + (13). Các cột (14)–(19) ngoài biểu: kỳ trước chuyển sang + mới tiếp nhận = đã giải quyết + đang giải quyết + rút + dừng + chờ bổ sung + chờ nghĩa vụ tài chính; (19) là chênh lệch.';
  sheet.getCell(note, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(note).height = 32;

  sheet.getColumn(1).width = 5;
  sheet.getColumn(2).width = 44;
  for (let column = 3; column <= width; column++) sheet.getColumn(column).width = 13;
  sheet.getRow(top + 2).height = 58;
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: XLSX_LAYOUT.numberRow }];

  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  return datedZip(written, options.createdAt);
}

const LINE = { style: 'thin' } as const;
const THIN = { top: LINE, left: LINE, bottom: LINE, right: LINE };

/** The same zip with every entry dated `date` (exceljs dates them "now"): reproducible bytes. */
async function datedZip(zip: Buffer, date: Date): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const source = await JSZip.loadAsync(zip);
  const target = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    target.file(entry.name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
