import { at, dossierSpec, HISTORIES } from '../testing/dossier-fixtures';
import type { StopProcessing, WithdrawDossier } from './commands';

const withdraw = (over: Partial<WithdrawDossier> = {}): WithdrawDossier => ({
  type: 'WithdrawDossier',
  reason: 'Công dân xin rút hồ sơ',
  at: at('2020-06-19'),
  ...over,
});
const stop = (over: Partial<StopProcessing> = {}): StopProcessing => ({
  type: 'StopProcessing',
  reason: 'Không bổ sung hồ sơ trong thời hạn',
  at: at('2020-06-19'),
  ...over,
});

describe('WithdrawDossier and StopProcessing: terminal, each its own bucket', () => {
  for (const status of ['in_progress', 'awaiting_supplement', 'awaiting_financial_obligation'] as const) {
    it(`are allowed while ${status}`, () => {
      dossierSpec
        .given(HISTORIES[status]())
        .when(withdraw())
        .then([
          {
            type: 'DossierWithdrawn',
            schemaVersion: 1,
            data: { reason: 'Công dân xin rút hồ sơ', occurredAt: at('2020-06-19') },
          },
        ]);
      dossierSpec
        .given(HISTORIES[status]())
        .when(stop())
        .then([
          {
            type: 'ProcessingStopped',
            schemaVersion: 1,
            data: { reason: 'Không bổ sung hồ sơ trong thời hạn', occurredAt: at('2020-06-19') },
          },
        ]);
    });
  }

  it('lead to the withdrawn / stopped states', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(withdraw())
      .thenState((s) => expect(s).toMatchObject({ status: 'withdrawn', withdrawnAt: at('2020-06-19') }));
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(stop())
      .thenState((s) => expect(s).toMatchObject({ status: 'stopped', stoppedAt: at('2020-06-19') }));
  });

  it('need a reason', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(withdraw({ reason: '  ' }))
      .thenThrows('REASON_REQUIRED');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(stop({ reason: '' }))
      .thenThrows('REASON_REQUIRED');
  });
});
