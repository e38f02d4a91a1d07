import { findUnsafeText, unsafeTextRule } from './unsafe-text';

describe('unsafe text (what PostgreSQL cannot store)', () => {
  it('refuses NUL and lone surrogates, keeps everything else', () => {
    expect(unsafeTextRule('a\u0000b')?.rule).toBe('noNulCharacter');
    expect(unsafeTextRule('a\ud800b')?.rule).toBe('wellFormedUnicode');
    expect(unsafeTextRule('a\udc00')?.rule).toBe('wellFormedUnicode');
    expect(unsafeTextRule('\udc00\ud800')?.rule).toBe('wellFormedUnicode'); // reversed pair
    expect(unsafeTextRule('Huế 📄 \t\n\u0001\u007f\ufffd')).toBeUndefined();
  });

  it('names each bad string by its path, in document order, keys included', () => {
    const found = findUnsafeText({
      reason: 'ok',
      changes: { receivingUnitId: 'x\u0000' },
      documents: ['a', 'b', '\ud800'],
      ['k\u0000']: 1,
    });
    expect(found.map((f) => `${f.field}:${f.rule}`)).toEqual([
      'changes.receivingUnitId:noNulCharacter',
      'documents.2:wellFormedUnicode',
      'k\\u0000:noNulCharacter',
    ]);
    expect(findUnsafeText('\u0000', 'code')).toEqual([
      expect.objectContaining({ field: 'code', message: expect.stringContaining('code must not contain') }),
    ]);
    expect(findUnsafeText({ a: [1, true, null, { b: 'fine' }] })).toEqual([]);
  });

  it('walks any depth without recursion', () => {
    let value: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(findUnsafeText(value)).toHaveLength(1);
  });
});
