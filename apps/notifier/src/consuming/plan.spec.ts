import { type DossierFacts, planNotifications } from './plan';

const sealed = { applicantId: 'a-1', keyId: 'a-1', alg: 'A256GCM' as const, ciphertext: 'x' };
const received = (applicant?: typeof sealed) => ({
  streamId: 'dossier-d1',
  type: 'DossierReceived',
  schemaVersion: 2,
  data: {
    dossierId: 'd1',
    code: 'U-200901-0001',
    procedureCode: 'P-1',
    receivingUnitId: 'u',
    competentUnitId: 'u',
    channel: 'counter',
    receivedAt: '2020-08-31T18:30:00Z', // 01:30 on 1 September in Việt Nam
    occurredAt: '2020-08-31T18:30:00Z',
    dueDate: '2020-09-04',
    timeLimit: { amount: 3, unit: 'working-days' },
    calendarVersion: 'c',
    supplementPolicy: 'restart',
    policyVersion: 'p',
    ...(applicant ? { applicant } : {}),
  },
});
const known: DossierFacts = { dossierId: 'd1', code: 'U-200901-0001', applicant: sealed, dueDate: '2020-09-04' };
const at = '2020-09-02T03:00:00Z';

describe('planNotifications', () => {
  it('a receipt with an applicant: the facts and a receipt notification dated in Việt Nam', () => {
    expect(planNotifications(received(sealed), undefined)).toEqual({
      facts: known,
      notify: [
        {
          kind: 'received',
          code: 'U-200901-0001',
          procedureCode: 'P-1',
          receivedOn: '2020-09-01',
          dueDate: '2020-09-04',
        },
      ],
    });
  });

  it('a receipt without an applicant: remembered, nobody told', () => {
    expect(planNotifications(received(), undefined)).toEqual({ facts: { ...known, applicant: null }, notify: [] });
    const later = {
      streamId: 'dossier-d1',
      type: 'ResultRecorded',
      schemaVersion: 1,
      data: { outcome: 'approved', occurredAt: at },
    };
    expect(planNotifications(later, { ...known, applicant: null }).notify).toEqual([]);
  });

  it('supplement, result and reschedule are told; the reschedule moves the appointment it apologises for', () => {
    const ev = (type: string, data: object) => ({
      streamId: 'dossier-d1',
      type,
      schemaVersion: 1,
      data: { ...data, occurredAt: at },
    });
    expect(planNotifications(ev('SupplementRequested', { reason: 'Thiếu', documents: ['A'] }), known).notify).toEqual([
      { kind: 'supplement-requested', code: known.code, requestedOn: '2020-09-02', reason: 'Thiếu', documents: ['A'] },
    ]);
    expect(planNotifications(ev('ResultRecorded', { outcome: 'refused' }), known).notify).toEqual([
      { kind: 'result-ready', code: known.code, outcome: 'refused' },
    ]);
    expect(
      planNotifications(ev('DueDateRescheduled', { newAppointmentDate: '2020-09-11', reason: 'R' }), known),
    ).toEqual({
      facts: { ...known, dueDate: '2020-09-11' },
      notify: [
        {
          kind: 'rescheduled',
          code: known.code,
          previousDueDate: '2020-09-04',
          newAppointmentDate: '2020-09-11',
          reason: 'R',
        },
      ],
    });
    expect(planNotifications(ev('SupplementReceived', { newDueDate: '2020-09-20' }), known)).toEqual({
      facts: { ...known, dueDate: '2020-09-20' },
      notify: [],
    });
    const resealed = { ...sealed, ciphertext: 'y' };
    expect(planNotifications(ev('EntryCorrected', { changes: { applicant: resealed }, reason: 'r' }), known)).toEqual({
      facts: { ...known, applicant: resealed },
      notify: [],
    });
    expect(planNotifications(ev('DossierTransferred', { fromUnitId: 'a', toUnitId: 'b' }), known)).toEqual({
      notify: [],
    });
  });

  it('other streams and unknown dossiers plan nothing', () => {
    expect(planNotifications({ ...received(sealed), streamId: 'applicant-a-1' }, undefined)).toEqual({ notify: [] });
    expect(
      planNotifications(
        {
          streamId: 'dossier-d2',
          type: 'ResultRecorded',
          schemaVersion: 1,
          data: { outcome: 'approved', occurredAt: at },
        },
        undefined,
      ),
    ).toEqual({ notify: [] });
  });
});
