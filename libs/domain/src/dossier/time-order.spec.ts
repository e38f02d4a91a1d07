import { at, dossierSpec, HISTORIES } from '../testing/dossier-fixtures';
import type { DossierCommand } from './commands';

describe('business time never goes backwards', () => {
  const before = at('2020-06-10', '08:59');
  const cases: [keyof typeof HISTORIES, DossierCommand][] = [
    ['in_progress', { type: 'TransferDossier', toUnitId: 'x', at: before }],
    ['in_progress', { type: 'RequestSupplement', reason: 'r', at: before }],
    ['awaiting_supplement', { type: 'ReceiveSupplement', at: at('2020-06-10', '10:00') }],
    ['in_progress', { type: 'RequestFinancialObligation', at: before }],
    ['awaiting_financial_obligation', { type: 'FulfilFinancialObligation', at: at('2020-06-10', '10:00') }],
    ['in_progress', { type: 'RescheduleDueDate', newAppointmentDate: '2020-06-19', reason: 'r', at: before }],
    ['in_progress', { type: 'RecordResult', outcome: 'approved', at: before }],
    ['resolved', { type: 'ReturnResult', via: 'counter', at: at('2020-06-11') }],
    ['in_progress', { type: 'WithdrawDossier', reason: 'r', at: before }],
    ['in_progress', { type: 'StopProcessing', reason: 'r', at: before }],
    ['returned', { type: 'CorrectEntry', changes: { channel: 'online' }, reason: 'r', at: at('2020-06-12', '14:00') }],
  ];
  for (const [status, command] of cases) {
    it(`${command.type} dated before the last event (${status}): TIME_BEFORE_LAST_EVENT`, () => {
      dossierSpec.given(HISTORIES[status]()).when(command).thenThrows('TIME_BEFORE_LAST_EVENT');
    });
  }

  it('the same instant as the last event is fine; an unreadable instant is not', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when({ type: 'RecordResult', outcome: 'approved', at: at('2020-06-10') })
      .then((events) => expect(events).toHaveLength(1));
    dossierSpec
      .given(HISTORIES.in_progress())
      .when({ type: 'RecordResult', outcome: 'approved', at: 'soon' })
      .thenThrows('INVALID_TIME');
  });

  it('state rules come first: a withdrawn dossier says so whatever the time', () => {
    dossierSpec
      .given(HISTORIES.withdrawn())
      .when({ type: 'RecordResult', outcome: 'approved', at: before })
      .thenThrows('DOSSIER_WITHDRAWN');
  });
});
