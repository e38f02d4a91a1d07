import { ApplicationError } from '@app/platform';
import { encodeCursor } from './queue-cursor';
import { parseWorkQueueRequest } from './work-queue-request';

function refusal(query: Record<string, string>): { field: string; rule: string } {
  try {
    parseWorkQueueRequest(query);
  } catch (error) {
    expect(error).toBeInstanceOf(ApplicationError);
    const { status, details } = error as ApplicationError;
    expect(status).toBe(400);
    return (details as { errors: { field: string; rule: string }[] }).errors[0]!;
  }
  throw new Error('accepted');
}

describe('the parameters of GET /api/v1/work-queue', () => {
  it('defaults to the in-progress tab, 50 a page', () => {
    expect(parseWorkQueueRequest({ unitId: 'hue-pvhcc' })).toEqual({
      unitId: 'hue-pvhcc',
      tab: 'in_progress',
      limit: 50,
    });
  });

  it('reads every filter, the search and the cursor', () => {
    const after = { dueDate: '2026-12-03', code: '000.00.01.H57-261126-0001' };
    expect(
      parseWorkQueueRequest({
        unitId: 'hue-pvhcc',
        tab: 'overdue',
        procedureCode: 'T-DKDN-01',
        channel: 'postal',
        receivedBy: 'lan',
        receivedFrom: '2026-11-01',
        receivedTo: '2026-11-30',
        q: '0912345678',
        limit: '200',
        after: encodeCursor(after),
      }),
    ).toMatchObject({
      tab: 'overdue',
      procedureCode: 'T-DKDN-01',
      channel: 'postal',
      receivedBy: 'lan',
      receivedFrom: '2026-11-01',
      receivedTo: '2026-11-30',
      q: { phone: '0912345678' },
      limit: 200,
      after,
    });
  });

  it.each([
    [{}, 'unitId', 'required'],
    [{ tab: 'returned' }, 'tab', 'isIn'],
    [{ limit: '0' }, 'limit', 'range'],
    [{ limit: '201' }, 'limit', 'range'],
    [{ limit: '1.5' }, 'limit', 'range'],
    [{ channel: 'fax' }, 'channel', 'isIn'],
    [{ receivedFrom: '2026-02-30' }, 'receivedFrom', 'isLocalDate'],
    [{ receivedTo: '30/11/2026' }, 'receivedTo', 'isLocalDate'],
    [{ receivedFrom: '2026-12-01', receivedTo: '2026-11-01' }, 'receivedTo', 'notBeforeReceivedFrom'],
    [{ q: '@@' }, 'q', 'searchForm'],
    [{ after: 'garbage!' }, 'after', 'cursor'],
  ])('refuses %j naming %s and the rule %s', (query, field, rule) => {
    const unit: Record<string, string> = 'unitId' in query || field === 'unitId' ? {} : { unitId: 'hue-pvhcc' };
    expect(refusal({ ...unit, ...(query as Record<string, string>) })).toMatchObject({ field, rule });
  });
});
