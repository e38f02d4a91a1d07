import { hue2020UnitRegistry } from '@app/domain';
import { parseReportRequest } from '../query/parse-report-request';
import { ReportParameterError } from '../query/report-request';
import { resolveScope } from './report-scope';

const registry = hue2020UnitRegistry();
const scope = (raw: Record<string, unknown>) =>
  resolveScope(parseReportRequest({ from: '2020-06-10', to: '2020-09-04', ...raw }), registry);

describe('resolveScope', () => {
  it('takes the units of a level in force on the last day, one group per level', () => {
    const s = scope({ level: 'province,district' });
    expect(s.groups.map((g) => [g.key, g.units.length])).toEqual([
      ['province', 2],
      ['district', 9],
    ]);
    expect(s.units).toHaveLength(11);
  });

  it('groups units by unit, by level or all together', () => {
    expect(scope({ unit: 'tth-pvhcc,tth-hcc-hue' }).groups.map((g) => g.key)).toEqual(['tth-pvhcc', 'tth-hcc-hue']);
    expect(scope({ unit: 'tth-pvhcc,tth-hcc-hue', groupBy: 'level' }).groups.map((g) => g.key)).toEqual([
      'province',
      'district',
    ]);
    expect(scope({ level: 'district', groupBy: 'none' }).groups).toHaveLength(1);
    expect(scope({ level: 'district', groupBy: 'procedure' }).groups).toEqual([]);
  });

  it('refuses unknown units and levels, naming the parameter', () => {
    expect(() => scope({ unit: 'nowhere' })).toThrow(ReportParameterError);
    expect(() => scope({ unit: 'nowhere' })).toThrow('Unknown unit "nowhere"');
    expect(() => scope({ level: 'galaxy' })).toThrow('Unknown level "galaxy"');
  });

  it('knows a level of the subjects map even when no unit has it yet', () => {
    expect(scope({ level: 'commune' }).groups).toEqual([
      { kind: 'level', key: 'commune', level: 'commune', units: [] },
    ]);
  });
});
