import ExcelJS from 'exceljs';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectorService } from '@app/projector';
import { appendHistories, generateWorkload } from '@app/read-models/testing';
import { type TestApp, createTestApp } from '../../../test/support/test-app';

const PERIOD = 'from=2020-06-10&to=2020-09-04';
const URL = '/api/v1/reports/dossier-figures';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface JsonFigures {
  carriedOver: number;
  received: { total: number; online: number; counterAndPostal: number; postal: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinDeadline: number; overdue: number };
  withdrawn: number;
  stopped: number;
  waitingSupplement: number;
  waitingFinancialObligation: number;
  reconciliation: { difference: number };
}
interface JsonReport {
  groups: { kind: string; key: string; subject: string; figures: JsonFigures }[];
  total: JsonFigures;
}

/** Biểu 06's 19 cells of a line, written out from the JSON (not through the renderer's own row definition). */
function expectedCells(index: number | null, label: string, f: JsonFigures): (string | number | null)[] {
  return [
    index,
    label,
    f.received.total + f.carriedOver,
    f.received.online,
    f.received.counterAndPostal,
    f.carriedOver,
    f.resolved.total,
    f.resolved.early,
    f.resolved.onTime,
    f.resolved.late,
    f.inProgress.total,
    f.inProgress.withinDeadline,
    f.inProgress.overdue,
    f.received.postal,
    f.withdrawn,
    f.stopped,
    f.waitingSupplement,
    f.waitingFinancialObligation,
    f.reconciliation.difference,
  ];
}

/** Every cell of the XLSX against the JSON figures: one row per group from row 11, then the total. */
async function expectWorkbookOf(bytes: Buffer, json: JsonReport): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Biểu 06')!;
  const text = (row: number, column: number) => String(sheet.getCell(row, column).value ?? '');
  expect(text(1, 10)).toBe('Biểu số 06/VPCP/KSTT');
  expect(text(3, 1)).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
  expect(text(4, 1)).toBe('Kỳ báo cáo: từ ngày 10/6/2020 đến ngày 04/9/2020');
  expect([text(7, 1), text(7, 2), text(7, 3), text(7, 7)]).toEqual([
    'STT',
    'Đơn vị / Lĩnh vực',
    'Số hồ sơ nhận giải quyết',
    'Kết quả giải quyết',
  ]);
  expect([text(8, 4), text(8, 7), text(8, 11)]).toEqual([
    'Trong đó',
    'Số hồ sơ đã giải quyết',
    'Số hồ sơ đang giải quyết',
  ]);
  expect([text(8, 3), text(9, 4), text(9, 8), text(9, 13)]).toEqual([
    'Tổng số',
    'Mới tiếp nhận - Trực tuyến',
    'Trước hạn',
    'Quá hạn',
  ]);
  expect(Array.from({ length: 19 }, (_, i) => text(10, i + 1))).toEqual(
    Array.from({ length: 19 }, (_, i) => `(${i + 1})`),
  );
  const lines = [
    ...json.groups.map((g, i) =>
      expectedCells(i + 1, g.kind === 'procedure' ? `${g.key} - ${g.subject}` : g.subject, g.figures),
    ),
    expectedCells(null, 'Tổng cộng', json.total),
  ];
  lines.forEach((cells, i) => {
    const row = 11 + i;
    const actual = cells.map((_, c) => sheet.getCell(row, c + 1).value);
    expect(actual).toEqual(cells.map((v) => (v === null ? '' : v)));
  });
  expect(sheet.getCell(11 + lines.length, 3).value).toBeNull();
}

const binary = (res: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The report's downloads: XLSX in the Biểu 06 layout, CSV with a UTF-8 BOM, the text as a file; and a filing's XLSX. */
describe('report downloads (standalone app)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('admin');
    const store = t.app.get<EventStore>(EVENT_STORE);
    await appendHistories(store, [...generateWorkload({ seed: 5, dossiers: 1200, from: '2020-05-01', days: 150 })]);
    await t.app.get(ProjectorService).projector.caughtUp();
  });
  afterAll(async () => t.close());

  const get = (path: string) =>
    request(t.app.getHttpServer()).get(path).set('Authorization', `Bearer ${admin}`).buffer(true).parse(binary);

  it('gives Biểu 06 as XLSX whose every cell equals the JSON figures', async () => {
    for (const scope of ['level=province,district', 'unit=tth-hcc-hue&groupBy=procedure']) {
      const json = (await get(`${URL}?${PERIOD}&${scope}`).expect(200)).body as Buffer;
      const xlsx = await get(`${URL}?${PERIOD}&${scope}&format=xlsx`).expect(200);
      expect(xlsx.headers['content-type']).toBe(XLSX);
      expect(xlsx.headers['content-disposition']).toBe('attachment; filename="bieu-06-2020-06-10-2020-09-04.xlsx"');
      await expectWorkbookOf(xlsx.body, JSON.parse(json.toString('utf8')));
    }
  });

  it('starts the CSV with a UTF-8 BOM, and gives the text as a file when asked', async () => {
    const csv = await get(`${URL}?${PERIOD}&level=province,district&format=csv`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...(csv.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((csv.body as Buffer).subarray(3).toString('utf8')).toMatch(/^STT,Đơn vị \/ Lĩnh vực,/);
    const shown = await get(`${URL}?${PERIOD}&level=province&format=text`).expect(200);
    expect(shown.headers['content-disposition']).toBeUndefined();
    const saved = await get(`${URL}?${PERIOD}&level=province&format=text&download=1`).expect(200);
    expect(saved.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(saved.headers['content-disposition']).toBe('attachment; filename="bao-cao-2020-06-10-2020-09-04.txt"');
    expect((saved.body as Buffer).toString('utf8')).toBe((shown.body as Buffer).toString('utf8'));
    const bad = await request(t.app.getHttpServer())
      .get(`${URL}?${PERIOD}&level=province&format=text&download=yes`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(bad.body)).toContain('download');
  });

  it("gives a filed report's XLSX from the filed figures: the same bytes later, after late entries", async () => {
    const filed = await request(t.app.getHttpServer())
      .post('/api/v1/reports/filings')
      .set('Authorization', `Bearer ${admin}`)
      .send({ from: '2020-06-10', to: '2020-09-04', level: 'province,district' })
      .expect(201);
    const path = `/api/v1/reports/filings/${filed.body.id}?format=xlsx`;
    const first = await get(path).expect(200);
    expect(first.headers['content-type']).toBe(XLSX);
    expect(first.headers['content-disposition']).toContain(`-${filed.body.id}.xlsx"`);
    await expectWorkbookOf(first.body, filed.body.figures);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(first.body);
    expect(workbook.created.getTime()).toBe(Math.floor(Date.parse(filed.body.filedAt) / 1000) * 1000);

    const store = t.app.get<EventStore>(EVENT_STORE);
    await appendHistories(store, [...generateWorkload({ seed: 6, dossiers: 100, from: '2020-07-01', days: 30 })]);
    await t.app.get(ProjectorService).projector.caughtUp();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // another second on the clock
    const later = await get(path).expect(200);
    expect(Buffer.compare(later.body, first.body)).toBe(0);
    const now = await get(`${URL}?${PERIOD}&level=province,district&format=xlsx`).expect(200);
    expect(Buffer.compare(now.body, first.body)).not.toBe(0);
  });
});
