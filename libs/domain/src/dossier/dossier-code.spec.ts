import fc from 'fast-check';
import { instantAt } from '../time/local-date';
import { formatDossierCode, parseDossierCode } from './dossier-code';

describe('dossier code <unit code>-<YYMMDD>-<NNNN>', () => {
  it('uses the local (Vietnam) date of receipt', () => {
    expect(formatDossierCode('000.00.21.H57', '2020-06-10T02:00:00.000Z', 1)).toBe('000.00.21.H57-200610-0001');
    // 23:30 local on 10/6 is still 16:30 UTC on 10/6; 00:30 local on 11/6 is 17:30 UTC on 10/6.
    expect(formatDossierCode('H57', instantAt('2020-06-10', '23:30'), 9999)).toBe('H57-200610-9999');
    expect(formatDossierCode('H57', instantAt('2020-06-11', '00:30'), 12)).toBe('H57-200611-0012');
  });

  it('refuses a bad unit code or sequence', () => {
    expect(() => formatDossierCode('H57-X', '2020-06-10T02:00:00Z', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('', '2020-06-10T02:00:00Z', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('H57', '2020-06-10T02:00:00Z', 0)).toThrow(RangeError);
    expect(() => formatDossierCode('H57', '2020-06-10T02:00:00Z', 10_000)).toThrow(RangeError);
    expect(() => formatDossierCode('H57', '2020-06-10T02:00:00Z', 1.5)).toThrow(RangeError);
  });

  it('parses what it formats, and nothing else', () => {
    expect(parseDossierCode('000.00.21.H57-200610-0001')).toEqual({
      unitCode: '000.00.21.H57',
      receivedOn: '2020-06-10',
      sequence: 1,
    });
    for (const bad of [
      '000.00.21.H57-200631-0001',
      'H57-200610-0000',
      'H57-200610-001',
      'H57_200610_0001',
      '-200610-0001',
    ]) {
      expect(parseDossierCode(bad)).toBeNull();
    }
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Z]{1,3}(\.[0-9A-Z]{2,3}){0,3}$/),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-30T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 9999 }),
        (unit, date, sequence) => {
          const code = formatDossierCode(unit, date.toISOString(), sequence);
          const parsed = parseDossierCode(code);
          expect(parsed?.unitCode).toBe(unit);
          expect(parsed?.sequence).toBe(sequence);
          expect(formatDossierCode(unit, instantAt(parsed!.receivedOn, '12:00'), sequence)).toBe(code);
        },
      ),
    );
  });
});
