import { hue2020ProcedureCatalogue } from '../reference';
import {
  at,
  BUSINESS_REGISTRATION,
  context,
  COPY_CERTIFICATION,
  dossierSpec,
  DUE_DATE,
  JUDICIAL_RECORD,
  receive,
  RECEIVED_AT,
  UNIT,
  UNIT_CODE,
} from '../testing/dossier-fixtures';
import type { RefuseReceipt } from './commands';
import { formatDossierCode } from './dossier-code';
import type { DossierReceived } from './events';

const received = (over: Partial<DossierReceived['data']> = {}): DossierReceived => ({
  type: 'DossierReceived',
  schemaVersion: 2,
  data: {
    dossierId: 'd-1',
    code: '000.00.01.H57-200610-0001',
    procedureCode: 'T-DKDN-01',
    receivingUnitId: UNIT,
    competentUnitId: UNIT,
    channel: 'counter',
    receivedAt: '2020-06-10T02:00:00.000Z',
    dueDate: DUE_DATE,
    timeLimit: { unit: 'working_days', amount: 3 },
    calendarVersion: context.calendar.version,
    supplementPolicy: 'pause',
    policyVersion: 'supplement-pause@decree-61-2018',
    occurredAt: '2020-06-10T02:00:00.000Z',
    ...over,
  },
});

describe('ReceiveDossier', () => {
  it('records the receipt with its due date, calendar and supplement policy versions', () => {
    dossierSpec.given([]).when(receive()).then([received()]);
  });

  it('is then in progress at the receiving unit', () => {
    const state = dossierSpec.given([received()]).state();
    expect(state).toMatchObject({
      status: 'in_progress',
      dossier: { currentUnitId: UNIT, dueDate: DUE_DATE, appointmentDate: null, supplements: [] },
    });
  });

  it('keeps a distinct competent unit (liên thông) and the applicant reference', () => {
    dossierSpec
      .given([])
      .when(receive({ competentUnitId: 'so-tai-nguyen', applicantReference: 'CCCD 046...' }))
      .then([received({ competentUnitId: 'so-tai-nguyen', applicantReference: 'CCCD 046...' })]);
  });

  it('counts an online receipt after the 17:00 cut-off from the next working day', () => {
    const when = at('2020-06-10', '18:30');
    dossierSpec
      .given([])
      .when(receive({ at: when, channel: 'online', code: formatDossierCode(UNIT_CODE, when, 7) }))
      .then((events) =>
        expect(events[0]?.data).toMatchObject({
          channel: 'online',
          dueDate: '2020-06-16',
          receivedAt: '2020-06-10T11:30:00.000Z',
        }),
      );
  });

  it('gives no due date to an immediate procedure, and calendar-day limits land on a working day', () => {
    dossierSpec
      .given([])
      .when(receive({ procedure: COPY_CERTIFICATION }))
      .then((events) => expect(events[0]?.data).toMatchObject({ dueDate: null, timeLimit: { unit: 'immediate' } }));
    // 10 days after Wed 10/6/2020 is Sat 20/6 → Mon 22/6.
    dossierSpec
      .given([])
      .when(receive({ procedure: JUDICIAL_RECORD, channel: 'postal' }))
      .then((events) => expect(events[0]?.data).toMatchObject({ dueDate: '2020-06-22', channel: 'postal' }));
  });

  it('records the restart policy for a receipt after Decree 107/2021 took effect', () => {
    const when = at('2022-03-01');
    const procedure = hue2020ProcedureCatalogue().procedureAt('T-DKDN-01', '2022-03-01')!;
    dossierSpec
      .given([])
      .when(receive({ at: when, procedure, code: formatDossierCode(UNIT_CODE, when, 1) }))
      .then((events) =>
        expect(events[0]?.data).toMatchObject({
          supplementPolicy: 'restart',
          policyVersion: 'supplement-restart@decree-107-2021',
          dueDate: '2022-03-04',
        }),
      );
  });

  it('normalises the business time to canonical UTC', () => {
    dossierSpec
      .given([])
      .when(receive({ at: '2020-06-10T09:00+07:00' }))
      .then([received()]);
  });

  describe('rejections', () => {
    it('a code whose date is not the local date of receipt, or malformed: INVALID_DOSSIER_CODE', () => {
      dossierSpec
        .given([])
        .when(receive({ code: '000.00.01.H57-200609-0001' }))
        .thenThrows('INVALID_DOSSIER_CODE');
      dossierSpec
        .given([])
        .when(receive({ code: 'H57-20200610-1' }))
        .thenThrows('INVALID_DOSSIER_CODE');
    });
    it('a procedure version not in force on the day of receipt: PROCEDURE_NOT_IN_FORCE', () => {
      const when = at('2022-03-01');
      dossierSpec
        .given([])
        .when(receive({ at: when, code: formatDossierCode(UNIT_CODE, when, 1), procedure: BUSINESS_REGISTRATION }))
        .thenThrows('PROCEDURE_NOT_IN_FORCE');
    });
    it('a receipt in a year without a published calendar: CALENDAR_NOT_COVERED', () => {
      const when = at('2030-03-01');
      dossierSpec
        .given([])
        .when(receive({ at: when, code: formatDossierCode(UNIT_CODE, when, 1), procedure: JUDICIAL_RECORD }))
        .thenThrows('CALENDAR_NOT_COVERED');
    });
    it('missing or wrong fields: INVALID_COMMAND / INVALID_TIME', () => {
      dossierSpec
        .given([])
        .when(receive({ dossierId: ' ' }))
        .thenThrows('INVALID_COMMAND');
      dossierSpec
        .given([])
        .when(receive({ receivingUnitId: '' }))
        .thenThrows('INVALID_COMMAND');
      dossierSpec
        .given([])
        .when(receive({ competentUnitId: '' }))
        .thenThrows('INVALID_COMMAND');
      dossierSpec
        .given([])
        .when(receive({ channel: 'direct' as never }))
        .thenThrows('INVALID_COMMAND');
      dossierSpec
        .given([])
        .when(receive({ procedure: { ...BUSINESS_REGISTRATION, timeLimit: { unit: 'working_days', amount: -1 } } }))
        .thenThrows('INVALID_COMMAND');
      dossierSpec
        .given([])
        .when(receive({ at: '10/6/2020' }))
        .thenThrows('INVALID_TIME');
    });
  });
});

describe('RefuseReceipt', () => {
  const refuse = (over: Partial<RefuseReceipt> = {}): RefuseReceipt => ({
    type: 'RefuseReceipt',
    refusalId: 'r-9',
    procedureCode: 'T-DKDN-01',
    receivingUnitId: UNIT,
    channel: 'online',
    reason: '  Hồ sơ không thuộc thẩm quyền giải quyết ',
    at: RECEIVED_AT,
    ...over,
  });

  it('records the refusal (Mẫu 03); the stream is then closed', () => {
    dossierSpec
      .given([])
      .when(refuse())
      .then([
        {
          type: 'ReceiptRefused',
          schemaVersion: 1,
          data: {
            refusalId: 'r-9',
            procedureCode: 'T-DKDN-01',
            receivingUnitId: UNIT,
            channel: 'online',
            reason: 'Hồ sơ không thuộc thẩm quyền giải quyết',
            occurredAt: RECEIVED_AT,
          },
        },
      ]);
    dossierSpec
      .given([])
      .when(refuse())
      .thenState((state) =>
        expect(state).toEqual({ status: 'refused_at_receipt', refusalId: 'r-9', lastEventAt: RECEIVED_AT }),
      );
  });

  it('needs a reason and the identifiers', () => {
    dossierSpec
      .given([])
      .when(refuse({ reason: ' ' }))
      .thenThrows('REASON_REQUIRED');
    dossierSpec
      .given([])
      .when(refuse({ refusalId: '' }))
      .thenThrows('INVALID_COMMAND');
    dossierSpec
      .given([])
      .when(refuse({ channel: 'fax' as never }))
      .thenThrows('INVALID_COMMAND');
  });
});
