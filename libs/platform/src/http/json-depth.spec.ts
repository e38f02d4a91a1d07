import { jsonDepthExceeds } from './json-depth';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('jsonDepthExceeds', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthExceeds(bytes('{"a":[1,{"b":[]}]}'), 4)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[1,{"b":[]}]}'), 3)).toBe(true);
    expect(jsonDepthExceeds(bytes('{"a":"[[[[{{{{"}'), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":"\\"[[[["}'), 1)).toBe(false); // an escaped quote does not end the string
    expect(jsonDepthExceeds(bytes('["\\\\",[[]]]'), 2)).toBe(true); // an escaped backslash does
    expect(jsonDepthExceeds(bytes('{"tên":"Thừa Thiên Huế 📄","x":[]}'), 2)).toBe(false);
  });

  it('reads a million levels without recursion', () => {
    const deep = bytes(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(jsonDepthExceeds(deep, 32)).toBe(true);
    expect(jsonDepthExceeds(deep, 1_000_000)).toBe(false);
  });
});
