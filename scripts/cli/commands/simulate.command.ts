import { SCENARIOS } from '../../scenario/scenarios';
import { simulate } from '../../scenario/simulate';
import { standaloneContext } from '../app-context';
import { type CliCommand, UsageError, stringOption } from '../command';
import { progressLine } from '../progress';

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'record a scenario through the real command path (idempotent: a rerun records nothing new)',
  usage: `simulate --scenario ${Object.keys(SCENARIOS).join('|')} [--seed 1] [--scale 1] [--concurrency 24]`,
  async run(context) {
    const { options, print } = context;
    const id = stringOption(options, 'scenario', 'hue-2020-q3');
    const definition = SCENARIOS[id];
    if (!definition) throw new UsageError(`unknown scenario "${id}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
    const seed = Number(stringOption(options, 'seed', '1'));
    const scale = Number(stringOption(options, 'scale', '1'));
    const concurrency = Number(stringOption(options, 'concurrency', '24'));
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
    if (!(scale > 0)) throw new UsageError('--scale must be a positive number');
    if (!(concurrency >= 1 && concurrency <= 256)) throw new UsageError('--concurrency must be from 1 to 256');
    const app = await standaloneContext(context);
    try {
      print(`Scenario ${id} (seed ${seed}, scale ${scale}): ${definition.description}`);
      const report = await simulate(app, {
        definition,
        seed,
        scale,
        concurrency,
        onProgress: progressLine('simulating'),
      });
      print(
        `\nRecorded ${report.dossiers.toLocaleString('en')} dossiers, ${report.commands.toLocaleString('en')} commands in ${report.seconds.toFixed(1)} s` +
          (report.replayed ? ` (${report.replayed} already recorded: nothing new appended for them)` : ''),
      );
    } finally {
      await app.close();
    }
  },
};
