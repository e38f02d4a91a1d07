import { canonicalJson } from '../hash/canonical-json';
import { unstorableJson } from './storable-json';

describe('unstorableJson: what jsonb refused, refused before the json column takes it', () => {
  it('names a NUL character and a lone surrogate', () => {
    expect(unstorableJson(canonicalJson({ text: 'nul \u0000 byte' }))).toMatch(/NUL/);
    expect(unstorableJson(canonicalJson({ text: 'a\ud800b' }))).toMatch(/lone UTF-16 surrogate \(\\ud800\)/);
    expect(unstorableJson(canonicalJson({ text: 'b\udc00' }))).toMatch(/surrogate/);
  });

  it('lets through the same letters written as text, emoji, and every other escape', () => {
    expect(unstorableJson(canonicalJson({ text: 'a backslash then u0000: \\u0000', b: '\\\\u0000' }))).toBeNull();
    expect(unstorableJson(canonicalJson({ text: 'Huế 😀 \u0001 \t "q"' }))).toBeNull();
    expect(unstorableJson(canonicalJson({ '\\': '\\ud800' }))).toBeNull();
  });
});
