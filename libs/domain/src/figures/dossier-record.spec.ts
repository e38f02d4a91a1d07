import { at, COPY_CERTIFICATION, HISTORIES, history, receive, UNIT } from '../testing/dossier-fixtures';
import { bucketAt } from './bucket';
import { classifyResolution, classifyResult, openStatusAt } from './classification';
import { dossierRecordFrom } from './dossier-record';

describe('DossierRecord', () => {
  it('summarises a received dossier', () => {
    expect(dossierRecordFrom(HISTORIES.in_progress())).toEqual({
      dossierId: 'd-1',
      code: '000.00.01.H57-200610-0001',
      procedureCode: 'T-DKDN-01',
      receivingUnitId: UNIT,
      competentUnitId: UNIT,
      currentUnitId: UNIT,
      channel: 'counter',
      receivedAt: at('2020-06-10'),
      receivedOn: '2020-06-10',
      dueDate: '2020-06-15',
      appointmentDate: null,
      resultAt: null,
      resultOn: null,
      outcome: null,
      returnedOn: null,
      returnedVia: null,
      withdrawnOn: null,
      stoppedOn: null,
      supplementRequests: 0,
      waits: [],
      corrections: 0,
      lastEventAt: at('2020-06-10'),
    });
  });

  it('is null for a refusal at receipt or no events', () => {
    expect(dossierRecordFrom(HISTORIES.refused_at_receipt())).toBeNull();
    expect(dossierRecordFrom([])).toBeNull();
  });

  it('tracks waits, the supplement-adjusted due date, the appointment, result and return', () => {
    const r = dossierRecordFrom(
      history(
        receive(),
        { type: 'RequestSupplement', reason: 'Thiếu', at: at('2020-06-11') },
        { type: 'ReceiveSupplement', at: at('2020-06-16') },
        { type: 'RequestFinancialObligation', at: at('2020-06-16', '10:00') },
        { type: 'FulfilFinancialObligation', at: at('2020-06-17') },
        { type: 'TransferDossier', toUnitId: 'so-kh-dt', at: at('2020-06-17', '10:00') },
        {
          type: 'RescheduleDueDate',
          newAppointmentDate: '2020-06-25',
          reason: 'Xin lỗi',
          at: at('2020-06-17', '11:00'),
        },
        { type: 'RecordResult', outcome: 'refused', reason: 'Không đủ điều kiện', at: at('2020-06-19') },
        { type: 'ReturnResult', via: 'postal', at: at('2020-06-22') },
      ),
    )!;
    expect(r).toMatchObject({
      dueDate: '2020-06-18',
      appointmentDate: '2020-06-25',
      currentUnitId: 'so-kh-dt',
      supplementRequests: 1,
      waits: [
        { kind: 'supplement', from: '2020-06-11', to: '2020-06-16' },
        { kind: 'financial_obligation', from: '2020-06-16', to: '2020-06-17' },
      ],
      resultOn: '2020-06-19',
      outcome: 'refused',
      returnedOn: '2020-06-22',
      returnedVia: 'postal',
    });
    expect(
      ['2020-06-09', '2020-06-10', '2020-06-11', '2020-06-15', '2020-06-16', '2020-06-17', '2020-06-19'].map((day) =>
        bucketAt(r, day),
      ),
    ).toEqual([
      'not_received',
      'in_progress',
      'waiting_supplement',
      'waiting_supplement',
      'waiting_financial_obligation',
      'in_progress',
      'resolved',
    ]);
    expect(classifyResolution(r)).toBe('late');
  });

  it('applies corrections: receipt time and due date, channel, unit, result time', () => {
    const r = dossierRecordFrom(
      history(
        receive(),
        {
          type: 'CorrectEntry',
          changes: { receivedAt: at('2020-06-09', '16:00'), channel: 'online', receivingUnitId: 'tth-hcc-hue' },
          reason: 'Nhập sai',
          at: at('2020-06-10', '10:00'),
        },
        { type: 'RecordResult', outcome: 'approved', at: at('2020-06-15') },
        {
          type: 'CorrectEntry',
          changes: { resultAt: at('2020-06-12', '16:00') },
          reason: 'Nhập muộn',
          at: at('2020-06-15', '10:00'),
        },
      ),
    )!;
    expect(r).toMatchObject({
      receivedOn: '2020-06-09',
      dueDate: '2020-06-12',
      channel: 'online',
      receivingUnitId: 'tth-hcc-hue',
      currentUnitId: 'tth-hcc-hue',
      resultOn: '2020-06-12',
      corrections: 2,
    });
    expect(classifyResolution(r)).toBe('on_time');
  });

  it('closes an open wait on withdrawal or stop', () => {
    const r = dossierRecordFrom(
      history(
        receive(),
        { type: 'RequestSupplement', reason: 'Thiếu', at: at('2020-06-11') },
        { type: 'StopProcessing', reason: 'Quá hạn bổ sung', at: at('2020-06-30') },
      ),
    )!;
    expect(r.waits).toEqual([{ kind: 'supplement', from: '2020-06-11', to: '2020-06-30' }]);
    expect(bucketAt(r, '2020-06-29')).toBe('waiting_supplement');
    expect(bucketAt(r, '2020-06-30')).toBe('stopped');
  });
});

describe('classification on local dates', () => {
  it('early / on time / late against the due date; no due date is on time', () => {
    expect(classifyResult('2020-06-12', '2020-06-15')).toBe('early');
    expect(classifyResult('2020-06-15', '2020-06-15')).toBe('on_time');
    expect(classifyResult('2020-06-16', '2020-06-15')).toBe('late');
    expect(classifyResult('2020-06-16', null)).toBe('on_time');
    expect(() => classifyResolution({ resultOn: null, dueDate: '2020-06-15' })).toThrow();
  });

  it('a result at 23:30 local is on that local day whatever the process zone', () => {
    const r = dossierRecordFrom(
      history(receive(), { type: 'RecordResult', outcome: 'approved', at: at('2020-06-15', '23:30') }),
    )!;
    expect(r.resultAt).toBe('2020-06-15T16:30:00.000Z');
    expect(r.resultOn).toBe('2020-06-15');
    expect(classifyResolution(r)).toBe('on_time');
  });

  it('open: due date on or after the end of the period is within the deadline', () => {
    expect(openStatusAt({ dueDate: '2020-06-19' }, '2020-06-19')).toBe('within_deadline');
    expect(openStatusAt({ dueDate: '2020-06-18' }, '2020-06-19')).toBe('overdue');
    expect(openStatusAt({ dueDate: null }, '2020-06-19')).toBe('within_deadline');
    expect(dossierRecordFrom(history(receive({ procedure: COPY_CERTIFICATION })))?.dueDate).toBeNull();
  });
});
