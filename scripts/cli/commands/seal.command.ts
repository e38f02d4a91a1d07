import fs from 'node:fs';
import { SEAL_MAX_EVENTS, type EventStore, type SealExport, isEventStoreError } from '@app/event-store';
import { type CliCommand, type CommandContext, UsageError } from '../command';
import { eventStoreOf } from '../event-store-of';
import { sealLine, sealVerificationLines } from '../integrity-text';

async function create(store: EventStore, print: CommandContext['print']): Promise<number> {
  // A long backlog is sealed in pieces, as the sealer of `npm start` does.
  for (;;) {
    const seal = await store.seal({ maxEvents: SEAL_MAX_EVENTS });
    print(`sealed ${sealLine(seal)}`);
    if (seal.eventCount < SEAL_MAX_EVENTS) return 0;
  }
}

async function pick(store: EventStore, which: string | undefined): Promise<SealExport[]> {
  const all = await store.listSeals();
  if (which === undefined || which === 'last') return all.slice(-1);
  if (which === 'all') return all;
  const number = Number(which);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`"${which}" is not a seal number (or "last", "all")`);
  const found = all.find((s) => s.sealNumber === number);
  if (!found) throw new UsageError(`there is no seal #${number} (${all.length} seals)`);
  return [found];
}

/** A file holding one exported seal or a list of them (what `seal export` printed). */
function readExported(file: string): SealExport[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  return Array.isArray(parsed) ? (parsed as SealExport[]) : [parsed as SealExport];
}

export const sealCommand: CliCommand = {
  name: 'seal',
  summary:
    'seals of the event log: take one now, list them, export them to keep elsewhere, verify one (a number, or an exported file)',
  usage: 'seal create | seal list | seal export [NUMBER|last|all] | seal verify NUMBER|last|all|FILE.json',
  async run(context) {
    const { args, print } = context;
    const [action, target] = args;
    if (!['create', 'list', 'export', 'verify'].includes(action ?? ''))
      throw new UsageError('seal needs one of: create, list, export, verify');
    if (action === 'verify' && target === undefined)
      throw new UsageError('seal verify needs a seal number or an exported file');
    const store = await eventStoreOf(context);
    try {
      switch (action) {
        case 'create':
          return await create(store, print);
        case 'list': {
          const all = await store.listSeals();
          if (all.length === 0)
            print('No seal has been taken yet (npm start takes them on its own; or: npm run dossier -- seal create).');
          for (const seal of all) print(sealLine(seal));
          return 0;
        }
        case 'export': {
          const chosen = await pick(store, target);
          if (chosen.length === 0) throw new UsageError('no seal has been taken yet');
          print(JSON.stringify(target === 'all' ? chosen : chosen[0], null, 2));
          return 0;
        }
        default: {
          const chosen =
            target !== undefined && fs.existsSync(target) ? readExported(target) : await pick(store, target);
          let ok = true;
          for (const exported of chosen) {
            const verdict = await store.verifySeal(exported).catch((error: unknown) => {
              if (isEventStoreError(error, 'SEAL_INVALID'))
                throw new UsageError(`${target}: ${(error as Error).message}`);
              throw error;
            });
            ok &&= verdict.ok;
            for (const line of sealVerificationLines(verdict)) print(line);
          }
          return ok ? 0 : 1;
        }
      }
    } finally {
      await store.close();
    }
  },
};
