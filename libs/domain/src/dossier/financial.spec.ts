import { at, dossierSpec, DUE_DATE, HISTORIES, history, receive } from '../testing/dossier-fixtures';
import type { FulfilFinancialObligation, RequestFinancialObligation } from './commands';

const request = (over: Partial<RequestFinancialObligation> = {}): RequestFinancialObligation => ({
  type: 'RequestFinancialObligation',
  amount: 1_500_000,
  description: 'Lệ phí trước bạ',
  at: at('2020-06-11'),
  ...over,
});
const fulfil = (over: Partial<FulfilFinancialObligation> = {}): FulfilFinancialObligation => ({
  type: 'FulfilFinancialObligation',
  at: at('2020-06-12'),
  ...over,
});

describe('RequestFinancialObligation / FulfilFinancialObligation', () => {
  it('waits for fees or taxes in a bucket of its own, without moving the due date', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(request())
      .then([
        {
          type: 'FinancialObligationRequested',
          schemaVersion: 1,
          data: { amount: 1_500_000, description: 'Lệ phí trước bạ', occurredAt: at('2020-06-11') },
        },
      ]);
    dossierSpec
      .given(history(receive(), request()))
      .when(fulfil({ amount: 1_500_000 }))
      .then([
        {
          type: 'FinancialObligationFulfilled',
          schemaVersion: 1,
          data: { amount: 1_500_000, occurredAt: at('2020-06-12') },
        },
      ]);
    dossierSpec
      .given(history(receive(), request()))
      .when(fulfil())
      .thenState((state) => expect(state).toMatchObject({ status: 'in_progress', dossier: { dueDate: DUE_DATE } }));
  });

  it('rejects a negative or non-numeric amount', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(request({ amount: -1 }))
      .thenThrows('INVALID_COMMAND');
    dossierSpec
      .given(history(receive(), request()))
      .when(fulfil({ amount: Number.NaN }))
      .thenThrows('INVALID_COMMAND');
  });
});
