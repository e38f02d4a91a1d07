import { parseProcedures } from './procedure-parser';
import { parseUnits } from './unit-parser';

const unit = {
  id: 'u',
  code: 'U.1',
  name: 'Đơn vị',
  level: 'district',
  parentId: null,
  validFrom: '2020-01-01',
  validTo: null,
};

describe('reference records: text the log cannot store, values of any shape', () => {
  it('refuses NUL and lone surrogates in any text field, naming the record and field', () => {
    expect(() => parseUnits([unit, { ...unit, id: 'v', name: 'a\u0000' }])).toThrow(
      'Bản ghi 2, trường "name": chứa ký tự NUL',
    );
    expect(() =>
      parseUnits(`id,code,name,level,parentId,validFrom,validTo\nu,U.1,\ud800,district,,2020-01-01,`),
    ).toThrow('Dòng 2, trường "name"');
  });

  it('names a nested value without walking it (a deep array stays a short message, never a stack overflow)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => parseUnits([{ ...unit, name: deep }])).toThrow(
      'trường "name": phải là chuỗi ký tự, nhận được một mảng',
    );
    const procedure = {
      code: 'P',
      name: 'P',
      level: 'district',
      oneStop: true,
      interconnected: false,
      validFrom: '2020-01-01',
    };
    expect(() => parseProcedures([{ ...procedure, timeLimit: { unit: deep, amount: 1 } }])).toThrow('timeLimit.unit');
    expect(() => parseProcedures([{ ...procedure, timeLimit: { unit: 'working_days', amount: deep } }])).toThrow(
      'timeLimit.amount',
    );
    expect(() =>
      parseProcedures([{ ...procedure, timeLimitUnit: 'working_days', timeLimitAmount: 1, onlineLevel: deep }]),
    ).toThrow('onlineLevel');
    expect(() =>
      parseProcedures([{ ...procedure, timeLimitUnit: 'working_days', timeLimitAmount: 1, oneStop: deep }]),
    ).toThrow('oneStop');
  });
});
