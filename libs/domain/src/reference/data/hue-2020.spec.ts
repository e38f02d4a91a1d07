import { defaultWorkingCalendar } from '../../calendar';
import { dueDateFor } from '../../deadlines';
import { instantAt } from '../../time/local-date';
import {
  HUE_2020_PROCEDURES,
  HUE_2020_UNITS,
  HUE_PROVINCE_ID,
  HUE_PROVINCIAL_CENTRE_ID,
  hue2020ProcedureCatalogue,
  hue2020UnitRegistry,
} from './hue-2020';

describe('Thừa Thiên Huế 2020 sample reference data', () => {
  const day = '2020-06-10';

  it('has the province, its provincial centre and the nine district-level centres', () => {
    const registry = hue2020UnitRegistry();
    expect(registry.unitAt(HUE_PROVINCE_ID, day)).toMatchObject({
      code: '000.00.00.H57',
      level: 'province',
      parentId: null,
    });
    expect(registry.unitAt(HUE_PROVINCIAL_CENTRE_ID, day)).toMatchObject({
      name: 'Trung tâm Phục vụ hành chính công tỉnh',
      level: 'province',
    });
    const districts = registry.unitsOfLevel('district', day);
    expect(districts).toHaveLength(9);
    expect(
      districts.every(
        (u) =>
          u.parentId === HUE_PROVINCE_ID && u.name.startsWith('Trung tâm Hành chính công ') && u.code.endsWith('.H57'),
      ),
    ).toBe(true);
    expect(registry.descendantsOf(HUE_PROVINCE_ID, day)).toHaveLength(10);
    const inForce = registry.unitsAt(day);
    expect(new Set(inForce.map((u) => u.code)).size).toBe(inForce.length);
  });

  it('has the centrally-run city of Huế and its centre from 2025, so that receipts can be logged today', () => {
    const registry = hue2020UnitRegistry();
    expect(registry.unitAt(HUE_PROVINCIAL_CENTRE_ID, '2025-01-01')).toBeNull();
    expect(registry.unitAt('hue-pvhcc', '2026-11-26')).toMatchObject({
      name: 'Trung tâm Phục vụ hành chính công thành phố Huế',
      level: 'province',
      parentId: 'hue',
    });
    expect(registry.unitByCode('000.00.01.H57', '2026-11-26')?.id).toBe('hue-pvhcc');
    expect(registry.unitByCode('000.00.01.H57', '2020-09-01')?.id).toBe(HUE_PROVINCIAL_CENTRE_ID);
    expect(HUE_2020_UNITS.length).toBe(13);
  });

  it('has about twenty procedures at province and district level, each in force in 2020', () => {
    const catalogue = hue2020ProcedureCatalogue();
    const inForce = catalogue.proceduresAt(day);
    expect(inForce.length).toBeGreaterThanOrEqual(20);
    expect(new Set(HUE_2020_PROCEDURES.map((p) => p.code)).size).toBe(inForce.length);
    expect(new Set(inForce.map((p) => p.level))).toEqual(new Set(['province', 'district']));
    expect(catalogue.procedureAt('T-DKDN-01', day)?.timeLimit).toEqual({ unit: 'working_days', amount: 3 });
    expect(catalogue.procedureAt('H-CT-01', day)?.timeLimit).toEqual({ unit: 'immediate' });
  });

  it('gives due dates with the shipped calendar (2/9/2020 is a holiday)', () => {
    const registration = hue2020ProcedureCatalogue().procedureAt('T-DKDN-01', '2020-09-01');
    expect(dueDateFor(defaultWorkingCalendar(), instantAt('2020-09-01', '09:00'), registration!.timeLimit)).toBe(
      '2020-09-07',
    );
  });
});
