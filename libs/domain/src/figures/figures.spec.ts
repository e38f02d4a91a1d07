import type { DossierCommand } from '../dossier';
import { at, COPY_CERTIFICATION, history, receive } from '../testing/dossier-fixtures';
import { dossierRecordFrom, type DossierRecord } from './dossier-record';
import { addFigures, computeFigures, computeFiguresBy, emptyFigures } from './figures';

const result = (date: string): DossierCommand => ({ type: 'RecordResult', outcome: 'approved', at: at(date, '15:00') });
const record = (...commands: DossierCommand[]): DossierRecord | null => dossierRecordFrom(history(...commands));
const d = (id: string, date: string, over: Partial<Parameters<typeof receive>[0]> = {}) =>
  receive({ dossierId: id, at: at(date), ...over });

/** Fifteen dossiers around the period 10/6/2020 → 19/6/2020. */
const records = [
  record(d('A', '2020-06-05'), result('2020-06-08')), // resolved before the period: out of scope
  record(d('B', '2020-06-05'), result('2020-06-11')), // carried over, late (due 10/6)
  record(d('C', '2020-06-10'), result('2020-06-12')), // early (due 15/6)
  record(d('D', '2020-06-10', { channel: 'online' }), result('2020-06-15')), // on time
  record(d('E', '2020-06-11', { channel: 'postal', procedure: COPY_CERTIFICATION }), result('2020-06-11')), // immediate → on time
  record(d('F', '2020-06-12')), // open, due 17/6 → overdue on 19/6
  record(d('G', '2020-06-16', { channel: 'online' })), // open, due 19/6 → within
  record(d('H', '2020-06-08'), { type: 'RequestSupplement', reason: 'Thiếu giấy tờ', at: at('2020-06-09') }), // carried over, waiting
  record(d('I', '2020-06-15'), { type: 'RequestFinancialObligation', at: at('2020-06-16') }),
  record(d('J', '2020-06-11'), { type: 'WithdrawDossier', reason: 'Xin rút', at: at('2020-06-12') }),
  record(d('K', '2020-06-11', { channel: 'postal' }), { type: 'StopProcessing', reason: 'Dừng', at: at('2020-06-18') }),
  record(d('L', '2020-06-22')), // after the period
  record({
    type: 'RefuseReceipt',
    refusalId: 'M',
    procedureCode: 'T-DKDN-01',
    receivingUnitId: 'u',
    channel: 'counter',
    reason: 'Từ chối',
    at: at('2020-06-12'),
  }),
  record(d('N', '2020-06-01'), { type: 'WithdrawDossier', reason: 'Xin rút', at: at('2020-06-03') }),
  record(
    d('O', '2020-06-10'),
    { type: 'RescheduleDueDate', newAppointmentDate: '2020-06-22', reason: 'Xin lỗi', at: at('2020-06-12') },
    result('2020-06-18'),
  ), // late despite the appointment
].filter((r): r is DossierRecord => r !== null);

const period = { from: '2020-06-10', to: '2020-06-19' };

describe('computeFigures', () => {
  it('gives Biểu 06 and every other bucket, and balances', () => {
    expect(records).toHaveLength(14);
    const f = computeFigures(records, period);
    expect(f.received).toEqual({ total: 9, online: 2, counter: 5, postal: 2, counterAndPostal: 7 });
    expect(f.carriedOver).toBe(2);
    expect(f.resolved).toEqual({ total: 5, early: 1, onTime: 2, late: 2 });
    expect(f.shares).toEqual({ early: 0.2, onTime: 0.4, late: 0.4 });
    expect(f.inProgress).toEqual({ total: 2, withinDeadline: 1, overdue: 1 });
    expect({
      withdrawn: f.withdrawn,
      stopped: f.stopped,
      waitingSupplement: f.waitingSupplement,
      waitingFinancialObligation: f.waitingFinancialObligation,
    }).toEqual({
      withdrawn: 1,
      stopped: 1,
      waitingSupplement: 1,
      waitingFinancialObligation: 1,
    });
    expect(f.reconciliation).toEqual({
      carriedOver: 2,
      received: 9,
      resolved: 5,
      inProgress: 2,
      withdrawn: 1,
      stopped: 1,
      waitingSupplement: 1,
      waitingFinancialObligation: 1,
      difference: 0,
    });
  });

  it('shows a non-zero difference for an inconsistent history instead of hiding it', () => {
    const broken = { ...records[2]!, resultOn: '2020-06-01' }; // a result before its receipt
    expect(computeFigures([broken], period).reconciliation.difference).toBe(1);
    const twice = { ...records[2]!, withdrawnOn: '2020-06-12' }; // resolved and withdrawn
    expect(computeFigures([twice], period).reconciliation.difference).toBe(-1);
  });

  it('a one-day period; an empty one; a reversed one', () => {
    const day = computeFigures(records, { from: '2020-06-11', to: '2020-06-11' });
    expect(day.reconciliation.difference).toBe(0);
    expect(day.received.total).toBe(3);
    expect(computeFigures([], period)).toEqual(emptyFigures());
    expect(emptyFigures().shares).toEqual({ early: 0, onTime: 0, late: 0 });
    expect(() => computeFigures(records, { from: '2020-06-19', to: '2020-06-10' })).toThrow(RangeError);
  });

  it('adds per unit to a level, recomputing shares', () => {
    const [first, ...rest] = records;
    const sum = addFigures(
      computeFigures([first!, ...rest.slice(0, 5)], period),
      computeFigures(rest.slice(5), period),
    );
    expect(sum).toEqual(computeFigures(records, period));
    const byUnit = computeFiguresBy(records, period, (r) => (r.channel === 'online' ? 'online-desk' : 'counter-desk'));
    expect([...byUnit.keys()].sort()).toEqual(['counter-desk', 'online-desk']);
    expect([...byUnit.values()].reduce(addFigures, emptyFigures())).toEqual(computeFigures(records, period));
    expect(computeFiguresBy(records, period).size).toBe(1);
  });
});
