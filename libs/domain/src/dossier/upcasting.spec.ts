import { decideOrThrow } from './decide';
import { DossierRejected } from './errors';
import { CURRENT_SCHEMA_VERSIONS, DOSSIER_EVENT_TYPES } from './events';
import { evolve } from './evolve';
import { initialDossierState } from './state';
import { upcast, UpcastError, type UpcasterRegistry } from './upcasting';
import { context, HISTORIES, receive } from '../testing/dossier-fixtures';

const v1 = {
  type: 'DossierReceived',
  schemaVersion: 1,
  data: {
    dossierId: 'd-old',
    code: '000.00.21.H57-200115-0042',
    procedureCode: 'H-HKD-01',
    receivingUnitId: 'tth-hcc-hue',
    channel: 'direct',
    receivedAt: '2020-01-15T02:00:00.000Z',
    dueDate: '2020-01-20',
    timeLimit: { unit: 'working_days', amount: 3 },
    calendarVersion: 'vn-calendar@2019-2026',
    supplementPolicy: 'pause',
    policyVersion: 'supplement-pause@decree-61-2018',
    occurredAt: '2020-01-15T02:00:00.000Z',
  },
};

describe('upcasting stored events to the current schema', () => {
  it('DossierReceived v1 → v2: the receiving unit was competent, and `direct` is the counter', () => {
    const event = upcast(v1);
    expect(event.schemaVersion).toBe(2);
    expect(event.data).toEqual({ ...v1.data, channel: 'counter', competentUnitId: 'tth-hcc-hue' });
    expect(evolve(initialDossierState, event)).toMatchObject({
      status: 'in_progress',
      dossier: { channel: 'counter', competentUnitId: 'tth-hcc-hue' },
    });
    expect(upcast({ ...v1, data: { ...v1.data, channel: 'postal' } }).data).toMatchObject({ channel: 'postal' });
  });

  it('leaves current events as they are', () => {
    for (const event of HISTORIES.returned()) expect(upcast(event)).toEqual(event);
    expect(DOSSIER_EVENT_TYPES).toHaveLength(13);
    expect(CURRENT_SCHEMA_VERSIONS.DossierReceived).toBe(2);
  });

  it('refuses what it cannot read', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(UpcastError);
        return (error as UpcastError).code;
      }
      return 'no error';
    };
    expect(code(() => upcast({ type: 'DossierLost', schemaVersion: 1, data: {} }))).toBe('UNKNOWN_EVENT_TYPE');
    expect(code(() => upcast({ ...v1, schemaVersion: 3 }))).toBe('UNSUPPORTED_SCHEMA_VERSION');
    expect(code(() => upcast({ ...v1, schemaVersion: 0 }))).toBe('UNSUPPORTED_SCHEMA_VERSION');
    expect(code(() => upcast({ ...v1, data: null }))).toBe('MALFORMED_EVENT');
    expect(code(() => upcast({ ...v1, data: { ...v1.data, occurredAt: undefined } }))).toBe('MALFORMED_EVENT');
    const empty: UpcasterRegistry = {};
    expect(code(() => upcast(v1, empty))).toBe('UNSUPPORTED_SCHEMA_VERSION');
  });
});

describe('decideOrThrow', () => {
  it('returns the events or throws DossierRejected with the code', () => {
    expect(decideOrThrow(initialDossierState, receive(), context)).toHaveLength(1);
    const state = HISTORIES.withdrawn().reduce(evolve, initialDossierState);
    expect(() =>
      decideOrThrow(state, { type: 'RecordResult', outcome: 'approved', at: '2020-07-01T00:00:00Z' }, context),
    ).toThrow(DossierRejected);
    try {
      decideOrThrow(state, { type: 'RecordResult', outcome: 'approved', at: '2020-07-01T00:00:00Z' }, context);
    } catch (error) {
      expect(error).toMatchObject({ code: 'DOSSIER_WITHDRAWN' });
    }
  });
});

describe('evolve is total', () => {
  it('ignores events that do not fit the state instead of throwing', () => {
    const [received] = HISTORIES.in_progress();
    const returned = HISTORIES.returned();
    expect(evolve(initialDossierState, returned[2]!)).toBe(initialDossierState);
    const inProgress = evolve(initialDossierState, received!);
    expect(evolve(inProgress, received!)).toBe(inProgress);
    expect(evolve(inProgress, returned[2]!)).toBe(inProgress);
  });
});
