import type { CliCommand } from '../command';

export function helpCommand(all: () => CliCommand[]): CliCommand {
  return {
    name: 'help',
    summary: 'list the commands',
    usage: 'help [command]',
    async run({ args, print }) {
      const wanted = args[0];
      const commands = all().filter((c) => !wanted || c.name === wanted);
      print('Usage: npm run dossier -- <command> [options]\n');
      for (const c of commands)
        print(`  ${c.name.padEnd(10)} ${c.summary}\n  ${''.padEnd(10)} npm run dossier -- ${c.usage}\n`);
      return wanted && commands.length === 0 ? 2 : 0;
    },
  };
}
