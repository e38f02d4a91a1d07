import type { CliCommand } from '../command';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'apply pending schema migrations (start-up does this too)',
  usage: 'migrate',
  async run({ database, print }) {
    const db = await database();
    print(`database: ${db.kind}; migrations up to date`);
  },
};
