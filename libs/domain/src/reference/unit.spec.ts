import { ReferenceDataError } from './reference-error';
import { unitRegistry, type OrganisationUnit } from './unit';
import { parseUnits } from './unit-parser';

const unit = (over: Partial<OrganisationUnit> & { id: string }): OrganisationUnit => ({
  code: `000.00.00.${over.id.toUpperCase()}`,
  name: over.id,
  level: 'district',
  parentId: 'p',
  validFrom: '2019-01-01',
  validTo: null,
  ...over,
});

describe('effective-dated organisation units', () => {
  const registry = unitRegistry([
    unit({ id: 'p', level: 'province', parentId: null, validTo: '2025-01-01', name: 'Tỉnh Thừa Thiên Huế' }),
    unit({ id: 'p', level: 'city', parentId: null, validFrom: '2025-01-01', name: 'Thành phố Huế' }),
    unit({ id: 'd1' }),
    unit({ id: 'd2', validTo: '2025-07-01' }),
    unit({ id: 'c1', level: 'commune', parentId: 'd2', validTo: '2025-07-01' }),
    unit({ id: 'c1', level: 'commune', parentId: 'p', validFrom: '2025-07-01' }),
  ]);

  it('finds the version in force on a date; validTo is the first day no longer in force', () => {
    expect(registry.unitAt('p', '2024-12-31')?.name).toBe('Tỉnh Thừa Thiên Huế');
    expect(registry.unitAt('p', '2025-01-01')?.name).toBe('Thành phố Huế');
    expect(registry.unitAt('d2', '2025-07-01')).toBeNull();
    expect(registry.unitAt('d2', '2018-12-31')).toBeNull();
  });

  it('walks the tree as it stood on the date', () => {
    expect(
      registry
        .descendantsOf('p', '2020-06-10')
        .map((u) => u.id)
        .sort(),
    ).toEqual(['c1', 'd1', 'd2']);
    expect(registry.descendantsOf('d2', '2020-06-10').map((u) => u.id)).toEqual(['c1']);
    expect(registry.descendantsOf('d2', '2025-08-01')).toEqual([]);
    expect(
      registry
        .descendantsOf('p', '2025-08-01')
        .map((u) => u.id)
        .sort(),
    ).toEqual(['c1', 'd1']);
  });

  it('lists units in force and by level', () => {
    expect(registry.unitsAt('2020-06-10')).toHaveLength(4);
    expect(registry.unitsOfLevel('commune', '2020-06-10').map((u) => u.id)).toEqual(['c1']);
    expect(registry.unitsOfLevel('province', '2026-01-01')).toEqual([]);
    expect(registry.unitByCode('000.00.00.D1', '2020-01-01')?.id).toBe('d1');
  });

  it('refuses two overlapping versions of one unit', () => {
    expect(() => unitRegistry([unit({ id: 'x' }), unit({ id: 'x', validFrom: '2020-01-01' })])).toThrow(
      ReferenceDataError,
    );
  });
});

describe('parseUnits', () => {
  it('reads CSV with quoted fields and empty parent / end date', () => {
    const csv = [
      'id,code,name,level,parentId,validFrom,validTo',
      'tth,000.00.00.H57,"Ủy ban nhân dân tỉnh Thừa Thiên Huế",province,,1989-07-01,2025-01-01',
      '',
      'hue,000.00.21.H57,"Trung tâm Hành chính công Thành phố Huế, tỉnh TT Huế",district,tth,2019-01-01,',
    ].join('\r\n');
    const units = parseUnits(csv);
    expect(units).toHaveLength(2);
    expect(units[0]).toEqual({
      id: 'tth',
      code: '000.00.00.H57',
      name: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế',
      level: 'province',
      parentId: null,
      validFrom: '1989-07-01',
      validTo: '2025-01-01',
    });
    expect(units[1]?.name).toBe('Trung tâm Hành chính công Thành phố Huế, tỉnh TT Huế');
    expect(units[1]?.validTo).toBeNull();
  });

  it('names the CSV line and the field of a bad value', () => {
    const csv =
      'id,code,name,level,parentId,validFrom,validTo\ntth,H57,Tỉnh,province,,1989-07-01,\nx,X1,X,district,tth,2020-02-30,\n';
    expect(() => parseUnits(csv)).toThrow('Dòng 3, trường "validFrom": ngày không hợp lệ "2020-02-30"');
    try {
      parseUnits(csv);
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_FIELD', row: 3, field: 'validFrom' });
    }
  });

  it('names the JSON record of a missing field, an unknown parent, a wrong column count', () => {
    expect(() => parseUnits('[{"id":"a","code":"A","level":"x","validFrom":"2020-01-01"}]')).toThrow(
      'Bản ghi 1, trường "name": bắt buộc',
    );
    expect(() =>
      parseUnits([{ id: 'a', code: 'A', name: 'A', level: 'x', parentId: 'zz', validFrom: '2020-01-01' }]),
    ).toThrow('Bản ghi 1, trường "parentId": không có đơn vị "zz"');
    expect(() => parseUnits('id,code\na,b,c')).toThrow('Dòng 2: có 3 cột');
    expect(() => parseUnits('[{"id":"a","code":"A-1","name":"A","level":"x","validFrom":"2020-01-01"}]')).toThrow(
      'trường "code"',
    );
    expect(() =>
      parseUnits('[{"id":"a","code":"A","name":"A","level":"x","validFrom":"2020-01-01","validTo":"2020-01-01"}]'),
    ).toThrow('trường "validTo"');
    expect(() => parseUnits('[oops')).toThrow('JSON không hợp lệ');
  });
});
