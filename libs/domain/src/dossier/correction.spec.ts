import {
  at,
  BUSINESS_REGISTRATION,
  dossierSpec,
  HISTORIES,
  history,
  JUDICIAL_RECORD,
  receive,
  UNIT,
} from '../testing/dossier-fixtures';
import { hue2020ProcedureCatalogue } from '../reference';
import type { CorrectEntry, CorrectionRequest } from './commands';
import type { DossierEvent } from './events';

const CONSTRUCTION_PERMIT = hue2020ProcedureCatalogue().procedureAt('T-DT-01', '2020-06-10')!;
const changesOf = (events: DossierEvent[]) =>
  events[0]?.type === 'EntryCorrected' ? events[0].data.changes : undefined;

const correct = (changes: CorrectionRequest, over: Partial<CorrectEntry> = {}): CorrectEntry => ({
  type: 'CorrectEntry',
  changes,
  reason: 'Nhập sai khi tiếp nhận',
  at: at('2020-06-11', '08:00'),
  ...over,
});

describe('CorrectEntry: history is never edited, a correction is a new event', () => {
  it('records what was corrected, pointing at the wrong entry', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ channel: 'online' }, { correctsPosition: 0 }))
      .then([
        {
          type: 'EntryCorrected',
          schemaVersion: 1,
          data: {
            correctsPosition: 0,
            changes: { channel: 'online' },
            reason: 'Nhập sai khi tiếp nhận',
            occurredAt: at('2020-06-11', '08:00'),
          },
        },
      ]);
  });

  it('recomputes the due date from a corrected receipt time', () => {
    // Tue 09/6 16:00 + 3 working days → Fri 12/6.
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ receivedAt: at('2020-06-09', '16:00') }))
      .then((events) =>
        expect(changesOf(events)).toEqual({ receivedAt: at('2020-06-09', '16:00'), dueDate: '2020-06-12' }),
      );
    // After the cut-off: counts from Thu 11/6 → Tue 16/6.
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ receivedAt: at('2020-06-10', '17:30') }))
      .then((events) =>
        expect(changesOf(events)).toEqual({ receivedAt: at('2020-06-10', '17:30'), dueDate: '2020-06-16' }),
      );
  });

  it('replays completed supplement cycles when recomputing', () => {
    const given = history(
      receive(),
      { type: 'RequestSupplement', reason: 'Thiếu giấy tờ', at: at('2020-06-11') },
      { type: 'ReceiveSupplement', at: at('2020-06-16') },
    );
    expect(dossierSpec.given(given).state()).toMatchObject({ dossier: { dueDate: '2020-06-18' } });
    // Received Tue 09/6 09:00 → 12/6, plus the 3 working days waited → 17/6.
    dossierSpec
      .given(given)
      .when(correct({ receivedAt: at('2020-06-09') }, { at: at('2020-06-16', '10:00') }))
      .thenState((state) =>
        expect(state).toMatchObject({
          status: 'in_progress',
          dossier: { receivedAt: at('2020-06-09'), dueDate: '2020-06-17' },
        }),
      );
  });

  it("recomputes the supplement cycles in the unit of a corrected procedure's time limit", () => {
    // Corrected to T-DT-01 (15 calendar days): Wed 10/6 + 15 = Thu 25/6; the wait Fri 12/6 → Mon 15/6 is 3 calendar
    // days → 10/6 + 18 = Sun 28/6 → Mon 29/6 (a working-day count would give Fri 26/6).
    const given = history(
      receive(),
      { type: 'RequestSupplement', reason: 'Thiếu giấy tờ', at: at('2020-06-12') },
      { type: 'ReceiveSupplement', at: at('2020-06-15') },
    );
    dossierSpec
      .given(given)
      .when(correct({ procedure: CONSTRUCTION_PERMIT }, { at: at('2020-06-15', '10:00') }))
      .then((events) =>
        expect(changesOf(events)).toEqual({
          procedureCode: 'T-DT-01',
          timeLimit: { unit: 'calendar_days', amount: 15 },
          dueDate: '2020-06-29',
        }),
      );
  });

  it('takes the time limit of a corrected procedure', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ procedure: JUDICIAL_RECORD }))
      .then((events) =>
        expect(changesOf(events)).toEqual({
          procedureCode: 'T-LLTP-01',
          timeLimit: { unit: 'calendar_days', amount: 10 },
          dueDate: '2020-06-22',
        }),
      );
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(
        correct({
          procedure: { ...BUSINESS_REGISTRATION, code: 'OLD', validTo: '2020-01-01', validFrom: '2019-01-01' },
        }),
      )
      .thenThrows('PROCEDURE_NOT_IN_FORCE');
  });

  it('moves the current unit with a corrected receiving unit until the dossier is transferred', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ receivingUnitId: 'tth-hcc-hue', competentUnitId: 'ubnd-hue' }))
      .thenState((state) =>
        expect(state).toMatchObject({
          dossier: { receivingUnitId: 'tth-hcc-hue', currentUnitId: 'tth-hcc-hue', competentUnitId: 'ubnd-hue' },
        }),
      );
    const transferred = history(receive(), {
      type: 'TransferDossier',
      toUnitId: 'so-kh-dt',
      at: at('2020-06-10', '10:00'),
    });
    dossierSpec
      .given(transferred)
      .when(correct({ receivingUnitId: 'tth-hcc-hue' }))
      .thenState((state) =>
        expect(state).toMatchObject({ dossier: { receivingUnitId: 'tth-hcc-hue', currentUnitId: 'so-kh-dt' } }),
      );
  });

  it('corrects the result time within what came before and after it', () => {
    dossierSpec
      .given(HISTORIES.resolved())
      .when(correct({ resultAt: at('2020-06-11', '16:00') }, { at: at('2020-06-13') }))
      .thenState((state) =>
        expect(state).toMatchObject({ status: 'resolved', result: { recordedAt: at('2020-06-11', '16:00') } }),
      );
    dossierSpec
      .given(HISTORIES.resolved())
      .when(correct({ resultAt: at('2020-06-10', '08:00') }, { at: at('2020-06-13') }))
      .thenThrows('INVALID_CORRECTION');
    dossierSpec
      .given(HISTORIES.returned())
      .when(correct({ resultAt: at('2020-06-12', '16:00') }, { at: at('2020-06-13') }))
      .thenThrows('INVALID_CORRECTION');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ resultAt: at('2020-06-11') }, { at: at('2020-06-13') }))
      .thenThrows('RESULT_NOT_RECORDED');
  });

  it('rejects a receipt time after the first processing step or after the correction itself', () => {
    const transferred = history(receive(), {
      type: 'TransferDossier',
      toUnitId: 'so-kh-dt',
      at: at('2020-06-10', '10:00'),
    });
    dossierSpec
      .given(transferred)
      .when(correct({ receivedAt: at('2020-06-10', '11:00') }))
      .thenThrows('INVALID_CORRECTION');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ receivedAt: at('2020-06-11', '09:00') }))
      .thenThrows('INVALID_CORRECTION');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ receivedAt: 'yesterday' }))
      .thenThrows('INVALID_CORRECTION');
  });

  it('rejects an empty or no-op correction, bad values, a missing reason', () => {
    dossierSpec.given(HISTORIES.in_progress()).when(correct({})).thenThrows('NOTHING_TO_CORRECT');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ channel: 'counter', receivingUnitId: UNIT, receivedAt: at('2020-06-10') }))
      .thenThrows('NOTHING_TO_CORRECT');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ channel: 'fax' as never }))
      .thenThrows('INVALID_CORRECTION');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ competentUnitId: ' ' }))
      .thenThrows('INVALID_CORRECTION');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ channel: 'online' }, { reason: '' }))
      .thenThrows('REASON_REQUIRED');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(correct({ channel: 'online' }, { correctsPosition: -1 }))
      .thenThrows('INVALID_COMMAND');
  });

  it('applies after the dossier is closed too, never to a refusal or an unknown dossier', () => {
    const later = { at: at('2020-06-19') };
    for (const status of [
      'awaiting_supplement',
      'awaiting_financial_obligation',
      'resolved',
      'returned',
      'withdrawn',
      'stopped',
    ] as const) {
      dossierSpec
        .given(HISTORIES[status]())
        .when(correct({ channel: 'postal' }, later))
        .thenState((state) => expect(state).toMatchObject({ status, dossier: { channel: 'postal' } }));
    }
    dossierSpec
      .given(HISTORIES.none())
      .when(correct({ channel: 'postal' }, later))
      .thenThrows('DOSSIER_NOT_FOUND');
    dossierSpec
      .given(HISTORIES.refused_at_receipt())
      .when(correct({ channel: 'postal' }, later))
      .thenThrows('RECEIPT_REFUSED');
  });
});
