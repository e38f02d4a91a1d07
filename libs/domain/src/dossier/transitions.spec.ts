import { at, dossierSpec, HISTORIES, receive, STATUSES } from '../testing/dossier-fixtures';
import type { DossierCommand, DossierCommandType } from './commands';
import { DOSSIER_COMMAND_TYPES } from './commands';
import { DOSSIER_ERROR_MESSAGES } from './errors';
import { COMMAND_STATE_MATRIX } from './transitions';

/** A well-formed command of each type, dated after every fixture history. */
const WHEN = at('2020-06-19', '10:00');
const VALID: Record<DossierCommandType, DossierCommand> = {
  ReceiveDossier: receive({ dossierId: 'd-2', at: WHEN }),
  RefuseReceipt: {
    type: 'RefuseReceipt',
    refusalId: 'r-2',
    procedureCode: 'T-DKDN-01',
    receivingUnitId: 'u',
    channel: 'online',
    reason: 'Sai thẩm quyền',
    at: WHEN,
  },
  TransferDossier: { type: 'TransferDossier', toUnitId: 'so-kh-dt', at: WHEN },
  RequestSupplement: { type: 'RequestSupplement', reason: 'Thiếu giấy tờ', at: WHEN },
  ReceiveSupplement: { type: 'ReceiveSupplement', at: WHEN },
  RequestFinancialObligation: { type: 'RequestFinancialObligation', at: WHEN },
  FulfilFinancialObligation: { type: 'FulfilFinancialObligation', at: WHEN },
  RescheduleDueDate: {
    type: 'RescheduleDueDate',
    newAppointmentDate: '2020-06-22',
    reason: 'Cần xác minh thêm',
    at: WHEN,
  },
  RecordResult: { type: 'RecordResult', outcome: 'approved', at: WHEN },
  ReturnResult: { type: 'ReturnResult', via: 'postal', at: WHEN },
  WithdrawDossier: { type: 'WithdrawDossier', reason: 'Xin rút', at: WHEN },
  StopProcessing: { type: 'StopProcessing', reason: 'Dừng', at: WHEN },
  CorrectEntry: { type: 'CorrectEntry', changes: { channel: 'postal' }, reason: 'Nhập nhầm kênh', at: WHEN },
};

describe('the state machine: every command in every state', () => {
  for (const type of DOSSIER_COMMAND_TYPES) {
    describe(type, () => {
      for (const status of STATUSES) {
        const expected = COMMAND_STATE_MATRIX[type][status];
        it(`${status} → ${expected}`, () => {
          const when = dossierSpec.given(HISTORIES[status]()).when(VALID[type]);
          if (expected === 'allowed') when.then((events) => expect(events).toHaveLength(1));
          else when.thenThrows(expected, (error) => expect(error.message).toBe(DOSSIER_ERROR_MESSAGES[expected]));
        });
      }
    });
  }

  it('the fixture histories reach the status they are named after', () => {
    for (const status of STATUSES) expect(dossierSpec.given(HISTORIES[status]()).state().status).toBe(status);
  });
});
