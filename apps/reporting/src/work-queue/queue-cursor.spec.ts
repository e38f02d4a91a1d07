import { decodeCursor, encodeCursor } from './queue-cursor';

describe('the cursor of a queue page', () => {
  it('gives back the key it was made of (with or without a due date)', () => {
    for (const key of [
      { dueDate: '2026-12-02', code: '000.00.01.H57-261126-0001' },
      { dueDate: null, code: '000.00.01.H57-261126-0002' },
    ]) {
      const cursor = encodeCursor(key);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toEqual(key);
    }
  });

  it('refuses what it did not make', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [
      '',
      'not a cursor!',
      Buffer.from('{').toString('base64url'),
      encode({ dueDate: '2026-12-02', code: 'x' }),
      encode(['2026-02-30', 'X-1']),
      encode(['2026-12-02', '']),
      encode(['2026-12-02', 42]),
      encode(['2026-12-02', 'with space']),
      encode(['2026-12-02', 'X-1', 'extra']),
    ])
      expect(decodeCursor(bad)).toBeNull();
  });
});
