import { at, dossierSpec, HISTORIES, history, receive, UNIT } from '../testing/dossier-fixtures';
import type { TransferDossier } from './commands';

const transfer = (over: Partial<TransferDossier> = {}): TransferDossier => ({
  type: 'TransferDossier',
  toUnitId: 'so-kh-dt',
  at: at('2020-06-10', '14:00'),
  ...over,
});

describe('TransferDossier', () => {
  it('hands the dossier from where it is to another unit, with an optional step deadline', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(transfer({ stepDueDate: '2020-06-12', reason: ' Liên thông cùng cấp ' }))
      .then([
        {
          type: 'DossierTransferred',
          schemaVersion: 1,
          data: {
            fromUnitId: UNIT,
            toUnitId: 'so-kh-dt',
            stepDueDate: '2020-06-12',
            reason: 'Liên thông cùng cấp',
            occurredAt: at('2020-06-10', '14:00'),
          },
        },
      ]);
  });

  it('chains: the next transfer leaves from the unit that received it; the competent unit stays', () => {
    const given = history(receive(), transfer());
    dossierSpec
      .given(given)
      .when(transfer({ toUnitId: 'ubnd-tinh', at: at('2020-06-11') }))
      .then((events) => expect(events[0]?.data).toMatchObject({ fromUnitId: 'so-kh-dt', toUnitId: 'ubnd-tinh' }));
    expect(dossierSpec.given(given).state()).toMatchObject({
      status: 'in_progress',
      dossier: { currentUnitId: 'so-kh-dt', competentUnitId: UNIT },
    });
  });

  it('rejects a transfer to the unit that holds it, or a bad step deadline', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(transfer({ toUnitId: UNIT }))
      .thenThrows('SAME_UNIT');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(transfer({ toUnitId: ' ' }))
      .thenThrows('INVALID_COMMAND');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(transfer({ stepDueDate: '12/6/2020' }))
      .thenThrows('INVALID_COMMAND');
  });
});
