import { ReferenceDataError } from './reference-error';
import { checkRegistryReplacement } from './registry-replacement';

describe('checkRegistryReplacement', () => {
  it('never leaves a registry empty, not even the first version', () => {
    expect(() => checkRegistryReplacement('units', ['a'], [])).toThrow(ReferenceDataError);
    expect(() => checkRegistryReplacement('procedures', undefined, [])).toThrow('không được để trống');
  });

  it('refuses to drop an entry in force, naming it; adding and keeping are fine', () => {
    expect(() => checkRegistryReplacement('units', ['a', 'b', 'c'], ['a', 'c'])).toThrow(/: b\. .*validTo/);
    expect(() => checkRegistryReplacement('calendar', ['2019', '2020'], ['2020'])).toThrow('2019');
    expect(() => checkRegistryReplacement('procedures', ['a'], ['a', 'a', 'b'])).not.toThrow();
    expect(() => checkRegistryReplacement('units', undefined, ['x'])).not.toThrow();
  });
});
