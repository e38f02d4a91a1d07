import { hue2020ProcedureCatalogue } from '../reference';
import {
  at,
  COPY_CERTIFICATION,
  dossierSpec,
  HISTORIES,
  history,
  JUDICIAL_RECORD,
  receive,
  UNIT_CODE,
} from '../testing/dossier-fixtures';
import type { ReceiveSupplement, RequestSupplement } from './commands';
import { formatDossierCode } from './dossier-code';

const request = (over: Partial<RequestSupplement> = {}): RequestSupplement => ({
  type: 'RequestSupplement',
  reason: 'Thiếu điều lệ công ty',
  documents: ['Điều lệ công ty'],
  at: at('2020-06-11'),
  ...over,
});
const supply = (when: string): ReceiveSupplement => ({ type: 'ReceiveSupplement', at: when });

describe('RequestSupplement (Mẫu 02)', () => {
  it('returns the dossier to the applicant with what to add', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(request())
      .then([
        {
          type: 'SupplementRequested',
          schemaVersion: 1,
          data: { reason: 'Thiếu điều lệ công ty', documents: ['Điều lệ công ty'], occurredAt: at('2020-06-11') },
        },
      ]);
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(request())
      .thenState((state) =>
        expect(state).toMatchObject({
          status: 'awaiting_supplement',
          dossier: { supplements: [{ requestedAt: at('2020-06-11'), suppliedAt: null }] },
        }),
      );
  });

  it('needs a reason and well-formed documents', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(request({ reason: '' }))
      .thenThrows('REASON_REQUIRED');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(request({ documents: ['  '] }))
      .thenThrows('INVALID_COMMAND');
  });
});

describe('ReceiveSupplement', () => {
  it('pause policy (2020): the due date moves by the working days spent waiting', () => {
    // Requested Thu 11/6, supplied Tue 16/6: (11/6, 16/6] holds 12, 15, 16/6 → 3 working days; 15/6 + 3 → 18/6.
    dossierSpec
      .given(history(receive(), request()))
      .when(supply(at('2020-06-16')))
      .then([
        {
          type: 'SupplementReceived',
          schemaVersion: 1,
          data: { newDueDate: '2020-06-18', occurredAt: at('2020-06-16') },
        },
      ]);
    dossierSpec
      .given(history(receive(), request()))
      .when(supply(at('2020-06-16')))
      .thenState((state) =>
        expect(state).toMatchObject({
          status: 'in_progress',
          dossier: { dueDate: '2020-06-18', supplements: [{ suppliedAt: at('2020-06-16') }] },
        }),
      );
  });

  it('pause policy (2020), calendar-day limit: the due date moves by the calendar days spent waiting', () => {
    // Mon 15/6/2020 + 10 days → Thu 25/6. Requested Fri 19/6, supplied Mon 22/6: 3 calendar days (1 working
    // day) → 15/6 + 13 = Sun 28/6 → Mon 29/6; then a second cycle, Tue 23/6 → Thu 25/6: 2 more → 15/6 + 15 = Tue 30/6.
    const received = at('2020-06-15');
    const first = [
      receive({ at: received, procedure: JUDICIAL_RECORD, code: formatDossierCode(UNIT_CODE, received, 2) }),
      request({ at: at('2020-06-19') }),
    ];
    dossierSpec
      .given(history(...first))
      .when(supply(at('2020-06-22')))
      .then([
        {
          type: 'SupplementReceived',
          schemaVersion: 1,
          data: { newDueDate: '2020-06-29', occurredAt: at('2020-06-22') },
        },
      ]);
    const second = history(...first, supply(at('2020-06-22')), request({ at: at('2020-06-23') }));
    dossierSpec
      .given(second)
      .when(supply(at('2020-06-25')))
      .then((events) => expect(events[0]?.data).toEqual({ newDueDate: '2020-06-30', occurredAt: at('2020-06-25') }));
  });

  it('restart policy (from 20/01/2022): the full time limit starts again on the day the documents are complete', () => {
    const received = at('2022-03-01');
    const procedure = hue2020ProcedureCatalogue().procedureAt('T-DKDN-01', '2022-03-01')!;
    const given = history(
      receive({ at: received, procedure, code: formatDossierCode(UNIT_CODE, received, 3) }),
      request({ at: at('2022-03-02') }),
    );
    // Supplied Mon 07/3/2022 09:00 → 3 working days → Thu 10/3/2022.
    dossierSpec
      .given(given)
      .when(supply(at('2022-03-07')))
      .then([
        {
          type: 'SupplementReceived',
          schemaVersion: 1,
          data: { newDueDate: '2022-03-10', occurredAt: at('2022-03-07') },
        },
      ]);
  });

  it('keeps no due date for an immediate procedure', () => {
    dossierSpec
      .given(history(receive({ procedure: COPY_CERTIFICATION }), request()))
      .when(supply(at('2020-06-12')))
      .then((events) => expect(events[0]?.data).toEqual({ newDueDate: null, occurredAt: at('2020-06-12') }));
  });

  it('allows a second cycle, each counted', () => {
    const given = history(receive(), request(), supply(at('2020-06-12')), request({ at: at('2020-06-15') }));
    expect(dossierSpec.given(given).state()).toMatchObject({
      status: 'awaiting_supplement',
      dossier: { supplements: [{ suppliedAt: at('2020-06-12') }, { suppliedAt: null }] },
    });
    dossierSpec
      .given(given)
      .when(supply(at('2020-06-15', '10:00')))
      .thenState((s) => expect(s.status).toBe('in_progress'));
  });
});
