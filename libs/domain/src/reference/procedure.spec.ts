import { procedureCatalogue, type Procedure } from './procedure';
import { parseProcedures } from './procedure-parser';
import { ReferenceDataError } from './reference-error';

describe('procedures', () => {
  const header =
    'code,name,level,field,timeLimitUnit,timeLimitAmount,oneStop,interconnected,onlineLevel,legalBasis,validFrom,validTo';

  it('reads CSV, mapping the 2020 online levels (mức 3/4) and flat time limits', () => {
    const procedures = parseProcedures(
      [
        header,
        'H-HKD-01,Đăng ký thành lập hộ kinh doanh,district,Hộ kinh doanh,working_days,3,true,false,3,"Nghị định 78/2015/NĐ-CP, Điều 71",2015-11-01,2021-01-04',
        'H-CT-01,Chứng thực bản sao,district,,immediate,,có,không,2,,2015-04-10,',
        'T-LLTP-01,Cấp Phiếu lý lịch tư pháp,province,,calendar_days,10,1,0,4,,2010-07-01,',
      ].join('\n'),
    );
    expect(procedures[0]).toEqual<Procedure>({
      code: 'H-HKD-01',
      name: 'Đăng ký thành lập hộ kinh doanh',
      level: 'district',
      field: 'Hộ kinh doanh',
      timeLimit: { unit: 'working_days', amount: 3 },
      oneStop: true,
      interconnected: false,
      onlineLevel: 'partial',
      legalBasis: 'Nghị định 78/2015/NĐ-CP, Điều 71',
      validFrom: '2015-11-01',
      validTo: '2021-01-04',
    });
    expect(procedures[1]).toMatchObject({
      timeLimit: { unit: 'immediate' },
      oneStop: true,
      interconnected: false,
      onlineLevel: 'none',
      validTo: null,
    });
    expect(procedures[2]).toMatchObject({ timeLimit: { unit: 'calendar_days', amount: 10 }, onlineLevel: 'full' });
  });

  it('names the row and field of a bad time limit, flag or level', () => {
    expect(() => parseProcedures(`${header}\nA,A,district,,weeks,3,true,false,none,,2020-01-01,`)).toThrow(
      'Dòng 2, trường "timeLimitUnit"',
    );
    expect(() => parseProcedures(`${header}\nA,A,district,,working_days,0,true,false,none,,2020-01-01,`)).toThrow(
      'Dòng 2, trường "timeLimitAmount"',
    );
    expect(() => parseProcedures(`${header}\nA,A,district,,working_days,2,maybe,false,none,,2020-01-01,`)).toThrow(
      'Dòng 2, trường "oneStop"',
    );
    expect(() => parseProcedures(`${header}\nA,A,district,,working_days,2,true,false,5,,2020-01-01,`)).toThrow(
      'Dòng 2, trường "onlineLevel"',
    );
    expect(() =>
      parseProcedures([
        {
          code: 'A',
          name: 'A',
          level: 'x',
          timeLimit: { unit: 'working_days', amount: 1.5 },
          oneStop: true,
          interconnected: false,
          validFrom: '2020-01-01',
        },
      ]),
    ).toThrow('Bản ghi 1, trường "timeLimit.amount"');
  });

  it('finds the version in force and refuses overlapping versions', () => {
    const base = parseProcedures(
      `${header}\nA,A v1,district,,working_days,3,true,false,none,,2015-01-01,2021-01-04\nA,A v2,district,,working_days,2,true,false,none,,2021-01-04,`,
    );
    const catalogue = procedureCatalogue(base);
    expect(catalogue.procedureAt('A', '2021-01-03')?.name).toBe('A v1');
    expect(catalogue.procedureAt('A', '2021-01-04')?.name).toBe('A v2');
    expect(catalogue.procedureAt('A', '2014-12-31')).toBeNull();
    expect(catalogue.procedureAt('B', '2020-01-01')).toBeNull();
    expect(catalogue.proceduresAt('2020-01-01')).toHaveLength(1);
    const overlapping = [...base, { ...base[0]!, validFrom: '2020-01-01', validTo: null }];
    expect(() => procedureCatalogue(overlapping)).toThrow(ReferenceDataError);
  });
});
