import 'reflect-metadata';
import { type Database, ConfigError, loadConfig, openDatabase, runMigrations } from '@app/platform';
import { ALL_MIGRATIONS } from '@app/standalone';
import { type CliCommand, type CommandContext, UsageError, parseArguments } from './command';
import { demoCommand } from './commands/demo.command';
import { exportCommand } from './commands/export.command';
import { helpCommand } from './commands/help.command';
import { migrateCommand } from './commands/migrate.command';
import { rebuildCommand } from './commands/rebuild.command';
import { reportCommand } from './commands/report.command';
import { sealCommand } from './commands/seal.command';
import { simulateCommand } from './commands/simulate.command';
import { tokenCommand } from './commands/token.command';
import { userCommand } from './commands/user.command';
import { verifyCommand } from './commands/verify.command';

/** `npm run dossier -- <command>`: the same config and database as `npm start`. */
const commands: CliCommand[] = [];
commands.push(
  helpCommand(() => commands),
  migrateCommand,
  tokenCommand,
  userCommand,
  simulateCommand,
  demoCommand,
  reportCommand,
  rebuildCommand,
);
commands.push(verifyCommand, sealCommand, exportCommand);

async function main(argv: string[]): Promise<number> {
  const [name = 'help', ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}". Run: npm run dossier -- help`);
    return 2;
  }
  let opened: Database | undefined;
  try {
    const config = loadConfig();
    const { args, options } = parseArguments(rest);
    const context: CommandContext = {
      args,
      options,
      config,
      print: (line = '') => process.stdout.write(`${line}\n`),
      database: async () => {
        if (!opened) {
          opened = await openDatabase(config, { attach: true });
          await runMigrations(opened.pool, ALL_MIGRATIONS);
        }
        return opened;
      },
    };
    return (await command.run(context)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nUsage: npm run dossier -- ${command.usage}`);
      return 2;
    }
    console.error(error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error)));
    return 1;
  } finally {
    await opened?.close();
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
