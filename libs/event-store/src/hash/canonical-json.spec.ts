import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every level, with no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, A: 0 })).toBe(
      '{"A":0,"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
    expect(canonicalJson({ é: 1, e: 2, '\u{1F600}': 3, '\uFFFF': 4 })).toBe('{"e":2,"é":1,"\u{1F600}":3,"\uFFFF":4}');
  });

  it('prints numbers as ECMAScript does and strings as JSON.stringify does', () => {
    expect(canonicalJson([1e21, 1e-7, 0.1, -0, 100, 1.5e300, 5e-324])).toBe('[1e+21,1e-7,0.1,0,100,1.5e+300,5e-324]');
    expect(canonicalJson('Nguyễn "A"\n\\')).toBe('"Nguyễn \\"A\\"\\n\\\\"');
  });

  it('drops undefined members, honours toJSON, refuses what JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: [undefined], at: new Date('2020-06-10T00:00:00Z') })).toBe(
      '{"at":"2020-06-10T00:00:00.000Z","b":[null]}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('is JSON that parses back to the same value, and is stable through a round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
      { numRuns: 300 },
    );
  });
});
