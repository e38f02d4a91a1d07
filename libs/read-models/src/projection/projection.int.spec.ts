import {
  type DossierCommand,
  type DossierEvent,
  dossierStreamId,
  formatDossierCode,
  receiptRefusalStreamId,
} from '@app/domain';
import {
  BUSINESS_REGISTRATION,
  JUDICIAL_RECORD,
  OTHER_UNIT,
  RECEIVED_AT,
  UNIT,
  UNIT_CODE,
  at,
  history,
  receive,
} from '@app/domain/testing';
import { toNewEvent } from '../testing/append-histories';
import {
  appendAndProject,
  counterChanges,
  dailyCounters,
  dossierRow,
  projectPending,
} from '../testing/projection-harness';
import { type ReadModelTestKit, createReadModelTestKit } from '../testing/read-model-test-kit';

/**
 * Given a dossier's events → the row of read_models.dossiers and the change of the per-unit daily counters.
 * Fixture: received Wed 10/6/2020 09:00 at the provincial centre, 3 working days → due Mon 15/6/2020.
 */
describe('projection of each dossier event', () => {
  let kit: ReadModelTestKit;
  let n = 0;
  beforeAll(async () => {
    kit = await createReadModelTestKit();
  });
  afterAll(async () => kit.close());

  /** A new dossier: its id and the receipt command. */
  function dossier(): { id: string; stream: string; receipt: DossierCommand } {
    n++;
    const id = `d-${n}`;
    return {
      id,
      stream: dossierStreamId(id),
      receipt: receive({ dossierId: id, code: formatDossierCode(UNIT_CODE, RECEIVED_AT, n) }),
    };
  }

  /** Projects the events and returns the counter changes they caused. */
  async function project(stream: string, events: DossierEvent[], table?: 'unit_counters' | 'unit_procedure_counters') {
    const before = await dailyCounters(kit, table);
    await appendAndProject(kit, stream, events);
    return counterChanges(before, await dailyCounters(kit, table));
  }

  const RECEIVED = { [`${UNIT} 2020-06-10`]: { received_counter: 1, in_progress_within: 1 } };
  const OVERDUE_FROM_16 = { [`${UNIT} 2020-06-16`]: { in_progress_within: -1, in_progress_overdue: 1 } };

  it('DossierReceived: a row in progress; received on the day, in progress within the deadline, overdue after it', async () => {
    const d = dossier();
    const changes = await project(d.stream, history(d.receipt));
    expect(await dossierRow(kit, d.id)).toMatchObject({
      dossier_id: d.id,
      stream_position: 1,
      code: formatDossierCode(UNIT_CODE, RECEIVED_AT, n),
      procedure_code: BUSINESS_REGISTRATION.code,
      receiving_unit_id: UNIT,
      competent_unit_id: UNIT,
      current_unit_id: UNIT,
      channel: 'counter',
      status: 'in_progress',
      received_on: '2020-06-10',
      due_date: '2020-06-15',
      appointment_date: null,
      result_on: null,
      outcome: null,
      resolution: null,
      returned_on: null,
      withdrawn_on: null,
      stopped_on: null,
      waiting_for: null,
      waiting_since: null,
      supplement_requests: 0,
      corrections: 0,
    });
    expect(changes).toEqual({ ...RECEIVED, ...OVERDUE_FROM_16 });
  });

  it('ReceiptRefused: no dossier, nothing counted', async () => {
    const refusal = history({
      type: 'RefuseReceipt',
      refusalId: 'r-1',
      procedureCode: BUSINESS_REGISTRATION.code,
      receivingUnitId: UNIT,
      channel: 'online',
      reason: 'Sai thẩm quyền',
      at: RECEIVED_AT,
    });
    expect(await project(receiptRefusalStreamId('r-1'), refusal)).toEqual({});
    expect(await dossierRow(kit, 'r-1')).toBeUndefined();
  });

  it('DossierTransferred: the current unit moves, the counts stay with the receiving unit', async () => {
    const d = dossier();
    const changes = await project(
      d.stream,
      history(d.receipt, { type: 'TransferDossier', toUnitId: OTHER_UNIT, at: at('2020-06-10', '10:00') }),
    );
    expect(await dossierRow(kit, d.id)).toMatchObject({
      current_unit_id: OTHER_UNIT,
      receiving_unit_id: UNIT,
      status: 'in_progress',
      stream_position: 2,
    });
    expect(changes).toEqual({ ...RECEIVED, ...OVERDUE_FROM_16 });
  });

  it('received_by: the account that recorded the receipt (its metadata.actor), kept when others record later events', async () => {
    const d = dossier();
    const [receipt, transfer] = history(d.receipt, {
      type: 'TransferDossier',
      toUnitId: OTHER_UNIT,
      at: at('2020-06-10', '10:00'),
    });
    const by = (actor: string, event: DossierEvent) => ({ ...toNewEvent(event), metadata: { actor, unit: UNIT } });
    await kit.store.append(d.stream, [by('lan.tn', receipt!)]);
    await projectPending(kit);
    expect(await dossierRow(kit, d.id)).toMatchObject({ received_by: 'lan.tn', stream_position: 1 });
    await kit.store.append(d.stream, [by('hung.supervisor', transfer!)]);
    await projectPending(kit);
    expect(await dossierRow(kit, d.id)).toMatchObject({ received_by: 'lan.tn', stream_position: 2 });
    // events without an actor (the other cases here): no one named
    const other = dossier();
    await project(other.stream, history(other.receipt));
    expect(await dossierRow(kit, other.id)).toMatchObject({ received_by: null });
  });

  it('SupplementRequested and SupplementReceived: waiting for a supplement, then in progress against the moved due date', async () => {
    const d = dossier();
    const requested = history(d.receipt, { type: 'RequestSupplement', reason: 'Thiếu giấy tờ', at: at('2020-06-11') });
    expect(await project(d.stream, requested)).toEqual({
      ...RECEIVED,
      [`${UNIT} 2020-06-11`]: { in_progress_within: -1, waiting_supplement: 1 },
    });
    expect(await dossierRow(kit, d.id)).toMatchObject({
      status: 'awaiting_supplement',
      waiting_for: 'supplement',
      waiting_since: '2020-06-11',
      supplement_requests: 1,
    });

    const all = history(
      d.receipt,
      { type: 'RequestSupplement', reason: 'Thiếu giấy tờ', at: at('2020-06-11') },
      { type: 'ReceiveSupplement', at: at('2020-06-17') },
    );
    const received = all[2] as Extract<DossierEvent, { type: 'SupplementReceived' }>;
    const newDue = received.data.newDueDate as string;
    expect(newDue > '2020-06-17').toBe(true);
    const changes = await project(d.stream, [received]);
    const dayAfterDue = new Date(Date.parse(`${newDue}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(changes).toEqual({
      [`${UNIT} 2020-06-17`]: { waiting_supplement: -1, in_progress_within: 1 },
      [`${UNIT} ${dayAfterDue}`]: { in_progress_within: -1, in_progress_overdue: 1 },
    });
    expect(await dossierRow(kit, d.id)).toMatchObject({
      status: 'in_progress',
      due_date: newDue,
      waiting_for: null,
      supplement_requests: 1,
      stream_position: 3,
    });
  });

  it('FinancialObligationRequested and FinancialObligationFulfilled: a separate bucket while waiting', async () => {
    const d = dossier();
    const events = history(
      d.receipt,
      { type: 'RequestFinancialObligation', amount: 100_000, at: at('2020-06-11') },
      { type: 'FulfilFinancialObligation', at: at('2020-06-12') },
    );
    expect(await project(d.stream, events.slice(0, 2))).toEqual({
      ...RECEIVED,
      [`${UNIT} 2020-06-11`]: { in_progress_within: -1, waiting_financial_obligation: 1 },
    });
    expect(await dossierRow(kit, d.id)).toMatchObject({
      status: 'awaiting_financial_obligation',
      waiting_for: 'financial_obligation',
      waiting_since: '2020-06-11',
    });
    expect(await project(d.stream, events.slice(2))).toEqual({
      [`${UNIT} 2020-06-12`]: { waiting_financial_obligation: -1, in_progress_within: 1 },
      ...OVERDUE_FROM_16,
    });
    expect(await dossierRow(kit, d.id)).toMatchObject({ status: 'in_progress', waiting_for: null });
  });

  it('DueDateRescheduled: an appointment, the classifying due date unchanged', async () => {
    const d = dossier();
    const changes = await project(
      d.stream,
      history(d.receipt, {
        type: 'RescheduleDueDate',
        newAppointmentDate: '2020-06-19',
        reason: 'Xin lỗi',
        at: at('2020-06-15'),
      }),
    );
    expect(await dossierRow(kit, d.id)).toMatchObject({
      appointment_date: '2020-06-19',
      due_date: '2020-06-15',
      status: 'in_progress',
    });
    expect(changes).toEqual({ ...RECEIVED, ...OVERDUE_FROM_16 });
  });

  it('ResultRecorded and ResultReturned: resolved early on the result day; the return changes no count', async () => {
    const d = dossier();
    const events = history(
      d.receipt,
      { type: 'RecordResult', outcome: 'approved', at: at('2020-06-12') },
      { type: 'ReturnResult', via: 'postal', at: at('2020-06-12', '15:00') },
    );
    const resolved = { ...RECEIVED, [`${UNIT} 2020-06-12`]: { in_progress_within: -1, resolved_early: 1 } };
    expect(await project(d.stream, events.slice(0, 2))).toEqual(resolved);
    expect(await dossierRow(kit, d.id)).toMatchObject({
      status: 'resolved',
      result_on: '2020-06-12',
      outcome: 'approved',
      resolution: 'early',
    });
    expect(await project(d.stream, events.slice(2))).toEqual({});
    expect(await dossierRow(kit, d.id)).toMatchObject({
      status: 'returned',
      returned_on: '2020-06-12',
      returned_via: 'postal',
      resolution: 'early',
    });
  });

  it('DossierWithdrawn and ProcessingStopped: their own terminal buckets', async () => {
    const w = dossier();
    expect(
      await project(w.stream, history(w.receipt, { type: 'WithdrawDossier', reason: 'Xin rút', at: at('2020-06-11') })),
    ).toEqual({
      ...RECEIVED,
      [`${UNIT} 2020-06-11`]: { in_progress_within: -1, withdrawn: 1 },
    });
    expect(await dossierRow(kit, w.id)).toMatchObject({ status: 'withdrawn', withdrawn_on: '2020-06-11' });
    const s = dossier();
    expect(
      await project(
        s.stream,
        history(s.receipt, { type: 'StopProcessing', reason: 'Quá hạn bổ sung', at: at('2020-06-17') }),
      ),
    ).toEqual({
      ...RECEIVED,
      ...OVERDUE_FROM_16,
      [`${UNIT} 2020-06-17`]: { in_progress_overdue: -1, stopped: 1 },
    });
    expect(await dossierRow(kit, s.id)).toMatchObject({ status: 'stopped', stopped_on: '2020-06-17' });
  });

  describe('EntryCorrected: the correction is applied, the counts move', () => {
    it('channel: received at the counter becomes received online', async () => {
      const d = dossier();
      const events = history(d.receipt, {
        type: 'CorrectEntry',
        changes: { channel: 'online' },
        reason: 'Nhập sai kênh',
        at: at('2020-06-10', '10:00'),
      });
      await project(d.stream, events.slice(0, 1));
      expect(await project(d.stream, events.slice(1))).toEqual({
        [`${UNIT} 2020-06-10`]: { received_counter: -1, received_online: 1 },
      });
      expect(await dossierRow(kit, d.id)).toMatchObject({ channel: 'online', corrections: 1, stream_position: 2 });
    });

    it('receiving unit: every count moves to the other unit', async () => {
      const d = dossier();
      const events = history(d.receipt, {
        type: 'CorrectEntry',
        changes: { receivingUnitId: OTHER_UNIT },
        reason: 'Nhập sai đơn vị',
        at: at('2020-06-10', '10:00'),
      });
      await project(d.stream, events.slice(0, 1));
      expect(await project(d.stream, events.slice(1))).toEqual({
        [`${UNIT} 2020-06-10`]: { received_counter: -1, in_progress_within: -1 },
        [`${UNIT} 2020-06-16`]: { in_progress_within: 1, in_progress_overdue: -1 },
        [`${OTHER_UNIT} 2020-06-10`]: { received_counter: 1, in_progress_within: 1 },
        [`${OTHER_UNIT} 2020-06-16`]: { in_progress_within: -1, in_progress_overdue: 1 },
      });
      expect(await dossierRow(kit, d.id)).toMatchObject({
        receiving_unit_id: OTHER_UNIT,
        current_unit_id: OTHER_UNIT,
        corrections: 1,
      });
    });

    it('receipt time: the receipt day and the recomputed due date move', async () => {
      const d = dossier();
      const events = history(d.receipt, {
        type: 'CorrectEntry',
        changes: { receivedAt: at('2020-06-09') },
        reason: 'Nhập sai ngày',
        at: at('2020-06-10', '10:00'),
      });
      const correction = events[1] as Extract<DossierEvent, { type: 'EntryCorrected' }>;
      expect(correction.data.changes.dueDate).toBe('2020-06-12');
      await project(d.stream, events.slice(0, 1));
      expect(await project(d.stream, events.slice(1))).toEqual({
        [`${UNIT} 2020-06-09`]: { received_counter: 1, in_progress_within: 1 },
        [`${UNIT} 2020-06-10`]: { received_counter: -1, in_progress_within: -1 },
        [`${UNIT} 2020-06-13`]: { in_progress_within: -1, in_progress_overdue: 1 },
        [`${UNIT} 2020-06-16`]: { in_progress_within: 1, in_progress_overdue: -1 },
      });
      expect(await dossierRow(kit, d.id)).toMatchObject({ received_on: '2020-06-09', due_date: '2020-06-12' });
    });

    it('result time: a late result corrected to the due date becomes on time', async () => {
      const d = dossier();
      const events = history(
        d.receipt,
        { type: 'RecordResult', outcome: 'approved', at: at('2020-06-16') },
        {
          type: 'CorrectEntry',
          changes: { resultAt: at('2020-06-15', '16:00') },
          reason: 'Nhập sai giờ',
          at: at('2020-06-16', '10:00'),
        },
      );
      expect(await project(d.stream, events.slice(0, 2))).toEqual({
        ...RECEIVED,
        [`${UNIT} 2020-06-16`]: { in_progress_within: -1, resolved_late: 1 },
      });
      expect(await project(d.stream, events.slice(2))).toEqual({
        [`${UNIT} 2020-06-15`]: { in_progress_within: -1, resolved_on_time: 1 },
        [`${UNIT} 2020-06-16`]: { in_progress_within: 1, resolved_late: -1 },
      });
      expect(await dossierRow(kit, d.id)).toMatchObject({
        result_on: '2020-06-15',
        resolution: 'on_time',
        corrections: 1,
      });
    });

    it('procedure: the per-procedure counts move and the due date is recomputed', async () => {
      const d = dossier();
      const events = history(d.receipt, {
        type: 'CorrectEntry',
        changes: { procedure: JUDICIAL_RECORD },
        reason: 'Nhập sai thủ tục',
        at: at('2020-06-10', '10:00'),
      });
      const correction = events[1] as Extract<DossierEvent, { type: 'EntryCorrected' }>;
      await project(d.stream, events.slice(0, 1));
      const changes = await project(d.stream, events.slice(1), 'unit_procedure_counters');
      const newDue = correction.data.changes.dueDate as string;
      const dayAfter = new Date(Date.parse(`${newDue}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(changes).toEqual({
        [`${UNIT}/${BUSINESS_REGISTRATION.code} 2020-06-10`]: { received_counter: -1, in_progress_within: -1 },
        [`${UNIT}/${BUSINESS_REGISTRATION.code} 2020-06-16`]: { in_progress_within: 1, in_progress_overdue: -1 },
        [`${UNIT}/${JUDICIAL_RECORD.code} 2020-06-10`]: { received_counter: 1, in_progress_within: 1 },
        [`${UNIT}/${JUDICIAL_RECORD.code} ${dayAfter}`]: { in_progress_within: -1, in_progress_overdue: 1 },
      });
      expect(await dossierRow(kit, d.id)).toMatchObject({ procedure_code: JUDICIAL_RECORD.code, due_date: newDue });
    });
  });

  it('reads an old DossierReceived (v1: channel "direct", no competent unit) through the domain upcaster', async () => {
    const d = dossier();
    const [received] = history(d.receipt) as [Extract<DossierEvent, { type: 'DossierReceived' }>];
    const { competentUnitId: _omitted, ...v1 } = { ...received.data, channel: 'direct' };
    await kit.store.append(d.stream, [{ type: 'DossierReceived', schemaVersion: 1, data: v1 }]);
    expect(await project(d.stream, [])).toEqual({ ...RECEIVED, ...OVERDUE_FROM_16 });
    expect(await dossierRow(kit, d.id)).toMatchObject({ channel: 'counter', competent_unit_id: UNIT });
  });

  it('skips an event type this build cannot read, and goes on', async () => {
    const d = dossier();
    await kit.store.append(d.stream, [
      ...history(d.receipt).map((e) => ({ type: e.type, schemaVersion: e.schemaVersion, data: { ...e.data } })),
      { type: 'DossierArchived', schemaVersion: 1, data: { occurredAt: at('2020-06-11') } },
    ]);
    expect(await project(d.stream, [])).toEqual({ ...RECEIVED, ...OVERDUE_FROM_16 });
    expect(await dossierRow(kit, d.id)).toMatchObject({ status: 'in_progress', stream_position: 1 });
  });

  it('keeps the month and year counters equal to the sums of the daily ones', async () => {
    const { rows } = await kit.database.pool.query(`
      WITH d AS (SELECT unit_id, date_trunc('month', period)::date AS m, date_trunc('year', period)::date AS y, received_counter AS r, in_progress_within AS w
                 FROM read_models.unit_counters WHERE grain = 'd')
      SELECT 'm' AS grain, c.unit_id, c.period FROM read_models.unit_counters c
        LEFT JOIN (SELECT unit_id, m, sum(r) r, sum(w) w FROM d GROUP BY 1, 2) s ON s.unit_id = c.unit_id AND s.m = c.period
        WHERE c.grain = 'm' AND (c.received_counter <> coalesce(s.r, 0) OR c.in_progress_within <> coalesce(s.w, 0))
      UNION ALL
      SELECT 'y', c.unit_id, c.period FROM read_models.unit_counters c
        LEFT JOIN (SELECT unit_id, y, sum(r) r, sum(w) w FROM d GROUP BY 1, 2) s ON s.unit_id = c.unit_id AND s.y = c.period
        WHERE c.grain = 'y' AND (c.received_counter <> coalesce(s.r, 0) OR c.in_progress_within <> coalesce(s.w, 0))`);
    expect(rows).toEqual([]);
    const { rows: grains } = await kit.database.pool.query(
      `SELECT DISTINCT grain FROM read_models.unit_counters ORDER BY grain`,
    );
    expect(grains.map((g) => g.grain)).toEqual(['d', 'm', 'y']);
  });
});
