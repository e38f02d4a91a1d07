import { parseQueueSearch } from './queue-search';

describe('what a search text of the work queue may be', () => {
  it('a dossier code or its start (upper-cased)', () => {
    expect(parseQueueSearch(' 000.00.01.h57-261126-0001 ')).toEqual({
      codePrefix: '000.00.01.H57-261126-0001',
      identities: [],
    });
    expect(parseQueueSearch('000.00.01')).toMatchObject({ codePrefix: '000.00.01', identities: [] });
  });

  it('a CCCD (also a 12-digit CMND), a 9-digit CMND, a tax code, a passport', () => {
    expect(parseQueueSearch('046 190 001 234')?.identities).toEqual([
      { idKind: 'cccd', idNumber: '046190001234' },
      { idKind: 'cmnd', idNumber: '046190001234' },
    ]);
    expect(parseQueueSearch('191234567')?.identities).toEqual([{ idKind: 'cmnd', idNumber: '191234567' }]);
    expect(parseQueueSearch('3300101234-001')?.identities).toEqual([
      { idKind: 'tax_code', idNumber: '3300101234-001' },
    ]);
    expect(parseQueueSearch('c1234567')?.identities).toEqual([{ idKind: 'passport', idNumber: 'C1234567' }]);
  });

  it('a phone number as typed (normalised as at receipt); a 10-digit number is also tried as a tax code', () => {
    expect(parseQueueSearch('+84 912 345 678')).toMatchObject({ phone: '0912345678' });
    const digits = parseQueueSearch('0912.345.678');
    expect(digits).toMatchObject({ phone: '0912345678' });
    expect(parseQueueSearch('0912345678')?.identities).toEqual([{ idKind: 'tax_code', idNumber: '0912345678' }]);
  });

  it('part of a name, with or without diacritics (also tried as the start of a code)', () => {
    expect(parseQueueSearch('Nguyễn  Thị')).toEqual({ name: 'Nguyễn Thị', identities: [] });
    expect(parseQueueSearch('mai')).toEqual({ name: 'mai', codePrefix: 'MAI', identities: [] });
    // NFD input is read as NFC
    expect(parseQueueSearch('Nguye\u0302\u0303n')?.name).toBe('Nguyễn');
  });

  it('nothing it could be', () => {
    expect(parseQueueSearch('   ')).toBeNull();
    expect(parseQueueSearch('a')).toBeNull();
    expect(parseQueueSearch('@@')).toBeNull();
    expect(parseQueueSearch('tên; DROP')).toBeNull();
  });
});
