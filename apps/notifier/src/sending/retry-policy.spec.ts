import { redactError, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  it('doubles the pause after each failed try, up to the cap', () => {
    const policy = { firstMs: 1000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 50].map((a) => retryDelayMs(a, policy))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('keeps no address or number in an error', () => {
    expect(
      redactError("Can't send mail - all recipients were rejected: 550 5.1.1 <yen.ton@example.vn>: Recipient unknown"),
    ).toBe("Can't send mail - all recipients were rejected: 550 5.1.1 <[địa chỉ]>: Recipient unknown");
    expect(redactError('bad number 0945 680 246 (to 0945680246)', ['0945 680 246'])).toBe(
      'bad number [địa chỉ] (to [số])',
    );
    expect(redactError('451 4.3.0 try again later')).toBe('451 4.3.0 try again later');
    expect(redactError('x'.repeat(400))).toHaveLength(300);
  });
});
