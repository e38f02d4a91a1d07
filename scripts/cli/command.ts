import type { AppConfig, Database } from '@app/platform';

/** What every CLI command gets: parsed options, the config, and the database on demand. */
export interface CommandContext {
  args: string[];
  options: Record<string, string | boolean>;
  config: AppConfig;
  /** Opens (or attaches to) the same database `npm start` uses, with migrations applied. */
  database(): Promise<Database>;
  print(line?: string): void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(context: CommandContext): Promise<number | void>;
}

export class UsageError extends Error {}

/** `--from 2020-06-10 --format=text --dry-run x` → options {from, format, 'dry-run': true}, args [x]. */
export function parseArguments(argv: string[]): { args: string[]; options: Record<string, string | boolean> } {
  const args: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const item = argv[i] as string;
    if (!item.startsWith('--')) {
      args.push(item);
      continue;
    }
    const [name, inline] = item.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) options[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) options[name] = argv[++i] as string;
    else options[name] = true;
  }
  return { args, options };
}

export function stringOption(options: CommandContext['options'], name: string, fallback?: string): string {
  const value = options[name];
  if (typeof value === 'string') return value;
  if (fallback !== undefined) return fallback;
  throw new UsageError(`--${name} is required`);
}
