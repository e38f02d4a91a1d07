import { QUEUE_TABS, allTabSelections, isQueueTab, tabSelection } from './queue-tabs';

const days = { today: '2020-09-03', soonUntil: '2020-09-07' };

describe('the tabs of the work queue', () => {
  it('lists open dossiers at the unit by due date: today, soon (after today, up to soonUntil), overdue (before today)', () => {
    const open = { unitColumn: 'current_unit_id', status: 'in_progress' };
    expect(tabSelection('in_progress', days)).toEqual(open);
    expect(tabSelection('due_today', days)).toEqual({ ...open, dueFrom: '2020-09-03', dueTo: '2020-09-03' });
    expect(tabSelection('due_soon', days)).toEqual({ ...open, dueFrom: '2020-09-04', dueTo: '2020-09-07' });
    expect(tabSelection('overdue', days)).toEqual({ ...open, dueTo: '2020-09-02' });
  });

  it('lists the waits at the current unit and the results to hand back at the receiving unit', () => {
    expect(tabSelection('awaiting_supplement', days)).toEqual({
      unitColumn: 'current_unit_id',
      status: 'awaiting_supplement',
    });
    expect(tabSelection('awaiting_financial_obligation', days)).toEqual({
      unitColumn: 'current_unit_id',
      status: 'awaiting_financial_obligation',
    });
    expect(tabSelection('ready_to_return', days)).toEqual({ unitColumn: 'receiving_unit_id', status: 'resolved' });
  });

  it('names every tab once, and nothing else', () => {
    expect(Object.keys(allTabSelections(days))).toEqual([...QUEUE_TABS]);
    expect(isQueueTab('overdue')).toBe(true);
    expect(isQueueTab('returned')).toBe(false);
    expect(isQueueTab(undefined)).toBe(false);
  });
});
