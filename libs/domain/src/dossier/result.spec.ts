import { at, dossierSpec, HISTORIES, history, receive } from '../testing/dossier-fixtures';
import type { RecordResult, ReturnResult } from './commands';

const result = (over: Partial<RecordResult> = {}): RecordResult => ({
  type: 'RecordResult',
  outcome: 'approved',
  at: at('2020-06-12'),
  ...over,
});
const giveBack = (over: Partial<ReturnResult> = {}): ReturnResult => ({
  type: 'ReturnResult',
  via: 'counter',
  at: at('2020-06-15'),
  ...over,
});

describe('RecordResult', () => {
  it('records an approval: the completion instant that classifies', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(result())
      .then([
        { type: 'ResultRecorded', schemaVersion: 1, data: { outcome: 'approved', occurredAt: at('2020-06-12') } },
      ]);
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(result())
      .thenState((state) =>
        expect(state).toMatchObject({
          status: 'resolved',
          result: { outcome: 'approved', recordedAt: at('2020-06-12'), notBefore: at('2020-06-10') },
        }),
      );
  });

  it('records a refusal after appraisal, which needs its reason', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(result({ outcome: 'refused', reason: 'Ngành nghề kinh doanh bị cấm' }))
      .then([
        {
          type: 'ResultRecorded',
          schemaVersion: 1,
          data: { outcome: 'refused', reason: 'Ngành nghề kinh doanh bị cấm', occurredAt: at('2020-06-12') },
        },
      ]);
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(result({ outcome: 'refused' }))
      .thenThrows('REASON_REQUIRED');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(result({ outcome: 'maybe' as never }))
      .thenThrows('INVALID_COMMAND');
  });

  it('after a supplement or a financial obligation has been dealt with', () => {
    const given = history(
      receive(),
      { type: 'RequestSupplement', reason: 'Thiếu giấy tờ', at: at('2020-06-11') },
      { type: 'ReceiveSupplement', at: at('2020-06-12') },
      { type: 'RequestFinancialObligation', at: at('2020-06-12', '10:00') },
      { type: 'FulfilFinancialObligation', at: at('2020-06-15') },
    );
    dossierSpec
      .given(given)
      .when(result({ at: at('2020-06-16') }))
      .thenState((state) => expect(state.status).toBe('resolved'));
  });
});

describe('ReturnResult', () => {
  it('hands the result over at the counter, by post or online', () => {
    dossierSpec
      .given(HISTORIES.resolved())
      .when(giveBack({ via: 'postal' }))
      .then([{ type: 'ResultReturned', schemaVersion: 1, data: { via: 'postal', occurredAt: at('2020-06-15') } }]);
    dossierSpec
      .given(HISTORIES.resolved())
      .when(giveBack())
      .thenState((state) =>
        expect(state).toMatchObject({
          status: 'returned',
          returnedAt: at('2020-06-15'),
          via: 'counter',
          result: { outcome: 'approved' },
        }),
      );
    dossierSpec
      .given(HISTORIES.resolved())
      .when(giveBack({ via: 'email' as never }))
      .thenThrows('INVALID_COMMAND');
  });
});
