import { CLASSIFICATION_RULES_VERSION } from '../figures/rules-version';
import { decideFiling, evolveFilings, type FileReport, initialFilingsState } from './decide-filing';
import { FilingError } from './filing-error';

const command: FileReport = {
  type: 'FileReport',
  filingId: 'f-1',
  title: '  Báo cáo Quý III/2020 ',
  period: { from: '2020-06-10', to: '2020-09-04' },
  scope: { levels: ['province'], unitsInScope: ['tth-pvhcc'] },
  groupBy: 'level',
  figures: { total: {} },
  position: { transactionId: '812', globalPosition: 4021, generation: 1 },
  versions: { units: 1, procedures: 1, calendar: 1, rules: CLASSIFICATION_RULES_VERSION },
  inputsSha256: 'a'.repeat(64),
};
const NOW = '2020-09-05T03:00:00.000Z';

function refusal(state = initialFilingsState, changes: Partial<FileReport> = {}): FilingError {
  try {
    decideFiling(state, { ...command, ...changes }, NOW);
  } catch (error) {
    if (error instanceof FilingError) return error;
    throw error;
  }
  throw new Error('expected a FilingError');
}

describe('decideFiling', () => {
  it('files the report as one ReportFiled event holding everything given, the title trimmed', () => {
    const [event, ...rest] = decideFiling(initialFilingsState, command, NOW);
    expect(rest).toEqual([]);
    expect(event).toEqual({
      type: 'ReportFiled',
      schemaVersion: 1,
      data: {
        occurredAt: NOW,
        filingId: 'f-1',
        title: 'Báo cáo Quý III/2020',
        period: command.period,
        scope: command.scope,
        groupBy: 'level',
        figures: command.figures,
        position: command.position,
        versions: command.versions,
        inputsSha256: command.inputsSha256,
      },
    });
  });

  it('never files the same id twice', () => {
    const state = decideFiling(initialFilingsState, command, NOW).reduce(evolveFilings, initialFilingsState);
    expect(refusal(state)).toMatchObject({ code: 'FILING_EXISTS', kind: 'conflict' });
  });

  it.each([
    [{ period: { from: '2020-09-05', to: '2020-09-04' } }, 'INVALID_PERIOD', 'to'],
    [{ scope: { unitsInScope: [] } }, 'EMPTY_SCOPE', 'unit'],
    [{ title: '   ' }, 'INVALID_TITLE', 'title'],
    [{ inputsSha256: 'xyz' }, 'INVALID_HASH', 'inputsSha256'],
    [{ position: { transactionId: 'x', globalPosition: 1, generation: 1 } }, 'INVALID_POSITION', 'position'],
  ])('refuses %j with %s naming %s', (changes, code, field) => {
    const error = refusal(initialFilingsState, changes as Partial<FileReport>);
    expect(error).toMatchObject({ code, kind: 'invalid' });
    expect(error.details).toEqual({ errors: [{ field, rule: code, message: error.message }] });
  });
});
