import {
  at,
  COPY_CERTIFICATION,
  dossierSpec,
  DUE_DATE,
  HISTORIES,
  history,
  receive,
} from '../testing/dossier-fixtures';
import type { RescheduleDueDate } from './commands';

const reschedule = (over: Partial<RescheduleDueDate> = {}): RescheduleDueDate => ({
  type: 'RescheduleDueDate',
  newAppointmentDate: '2020-06-19',
  reason: 'Cần xác minh thực địa',
  at: at('2020-06-12'),
  ...over,
});

describe('RescheduleDueDate (apology letter, Mẫu 04)', () => {
  it('sets a new appointment; the due date that classifies does not move', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(reschedule())
      .then([
        {
          type: 'DueDateRescheduled',
          schemaVersion: 1,
          data: { newAppointmentDate: '2020-06-19', reason: 'Cần xác minh thực địa', occurredAt: at('2020-06-12') },
        },
      ]);
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(reschedule())
      .thenState((state) =>
        expect(state).toMatchObject({
          status: 'in_progress',
          dossier: { dueDate: DUE_DATE, appointmentDate: '2020-06-19' },
        }),
      );
  });

  it('is allowed while waiting for a financial obligation', () => {
    dossierSpec
      .given(HISTORIES.awaiting_financial_obligation())
      .when(reschedule())
      .then((events) => expect(events).toHaveLength(1));
  });

  it('at most once', () => {
    dossierSpec
      .given(history(receive(), reschedule()))
      .when(reschedule({ newAppointmentDate: '2020-06-26', at: at('2020-06-18') }))
      .thenThrows('DUE_DATE_ALREADY_RESCHEDULED');
  });

  it('to a working day after the current due date and not in the past', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(reschedule({ newAppointmentDate: DUE_DATE }))
      .thenThrows('INVALID_APPOINTMENT_DATE');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(reschedule({ newAppointmentDate: '2020-06-20' }))
      .thenThrows('INVALID_APPOINTMENT_DATE'); // Saturday
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(reschedule({ newAppointmentDate: '2020-06-16', at: at('2020-06-17') }))
      .thenThrows('INVALID_APPOINTMENT_DATE');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(reschedule({ newAppointmentDate: '19/6/2020' }))
      .thenThrows('INVALID_APPOINTMENT_DATE');
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(reschedule({ newAppointmentDate: '2031-01-06' }))
      .thenThrows('CALENDAR_NOT_COVERED');
  });

  it('needs a reason, and a due date to move', () => {
    dossierSpec
      .given(HISTORIES.in_progress())
      .when(reschedule({ reason: '' }))
      .thenThrows('REASON_REQUIRED');
    dossierSpec
      .given(history(receive({ procedure: COPY_CERTIFICATION })))
      .when(reschedule())
      .thenThrows('NO_DUE_DATE');
  });
});
