import { at, dossierSpec, DUE_DATE, HISTORIES, history, receive } from '../testing/dossier-fixtures';
import type { FulfilFinancialObligation, RequestFinancialObligation } from './commands';

const request = (over: Partial<RequestFinancialObligation> = {}): RequestFinancialObligation => ({
  type: 'RequestFinancialObligation',
  amount: 1_500_000,
  description: 'Lệ phí trước bạ',
  at: at('2020-06-11'),
  ...over,
});
const fulfil = (over: Partial<FulfilFinancialObligation> = {}): FulfilFinancialObligation => ({ type: 'FulfilFinancialObligation', at: at('2020-06-12'), ...over });

describe('RequestFinancialObligation / FulfilFinancialObligation', () => {
  it('waits for fees or taxes in a bucket of its own, without moving the due date', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(request())
      .then([{ type: 'FinancialObligationRequested', schemaVersion: 1, data: { amount: 1_500_000, description: 'Lệ phí trước bạ', occurredAt: at('2020-06-11') } }]);
    dossierSpec
      .given(history(receive(), request()))
      .when(fulfil({ amount: 1_500_000 }))
      .then([{ type: 'FinancialObligationFulfilled', schemaVersion: 1, data: { amount: 1_500_000, occurredAt: at('2020-06-12') } }]);
    dossierSpec
      .given(history(receive(), request()))
      .when(fulfil())
      .thenState((state) => expect(state).toMatchObject({ status: 'in_progress', dossier: { dueDate: DUE_DATE } }));
  });

  it('rejects a negative or non-numeric amount', () => {
    dossierSpec.given(HISTORIES.in_progress()).when(request({ amount: -1 })).thenThrows('INVALID_COMMAND');
    dossierSpec.given(history(receive(), request())).when(fulfil({ amount: Number.NaN })).thenThrows('INVALID_COMMAND');
  });

  it('requests only while in progress', () => {
    const later = request({ at: at('2020-06-19') });
    dossierSpec.given(HISTORIES.awaiting_financial_obligation()).when(later).thenThrows('FINANCIAL_OBLIGATION_ALREADY_REQUESTED');
    dossierSpec.given(HISTORIES.awaiting_supplement()).when(later).thenThrows('DOSSIER_AWAITING_SUPPLEMENT');
    dossierSpec.given(HISTORIES.resolved()).when(later).thenThrows('DOSSIER_ALREADY_RESOLVED');
    dossierSpec.given(HISTORIES.returned()).when(later).thenThrows('DOSSIER_ALREADY_RESOLVED');
    dossierSpec.given(HISTORIES.withdrawn()).when(later).thenThrows('DOSSIER_WITHDRAWN');
    dossierSpec.given(HISTORIES.stopped()).when(later).thenThrows('PROCESSING_STOPPED');
    dossierSpec.given(HISTORIES.none()).when(later).thenThrows('DOSSIER_NOT_FOUND');
    dossierSpec.given(HISTORIES.refused_at_receipt()).when(later).thenThrows('RECEIPT_REFUSED');
  });

  it('fulfils only what was requested', () => {
    const later = fulfil({ at: at('2020-06-19') });
    dossierSpec.given(HISTORIES.in_progress()).when(later).thenThrows('NO_FINANCIAL_OBLIGATION_REQUESTED');
    dossierSpec.given(HISTORIES.awaiting_supplement()).when(later).thenThrows('NO_FINANCIAL_OBLIGATION_REQUESTED');
    dossierSpec.given(HISTORIES.resolved()).when(later).thenThrows('DOSSIER_ALREADY_RESOLVED');
    dossierSpec.given(HISTORIES.returned()).when(later).thenThrows('DOSSIER_ALREADY_RESOLVED');
    dossierSpec.given(HISTORIES.withdrawn()).when(later).thenThrows('DOSSIER_WITHDRAWN');
    dossierSpec.given(HISTORIES.stopped()).when(later).thenThrows('PROCESSING_STOPPED');
    dossierSpec.given(HISTORIES.none()).when(later).thenThrows('DOSSIER_NOT_FOUND');
    dossierSpec.given(HISTORIES.refused_at_receipt()).when(later).thenThrows('RECEIPT_REFUSED');
  });
});
