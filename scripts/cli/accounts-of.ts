import { AccountsService, ServiceTokenStore, SessionStore } from '@app/accounts';
import { ReferenceDataService } from '@app/reference-data';
import type { CommandContext } from './command';
import { eventStoreOf } from './event-store-of';

/** The accounts' use cases on the CLI's database (units checked against the reference data in force). */
export async function accountsOf(
  context: CommandContext,
): Promise<{ accounts: AccountsService; close(): Promise<void> }> {
  const store = await eventStoreOf(context);
  const pool = (await context.database()).pool;
  const reference = new ReferenceDataService(store);
  await reference.onModuleInit(); // records the shipped reference data on a database that has none yet
  const accounts = new AccountsService(
    store,
    pool,
    new SessionStore(pool),
    new ServiceTokenStore(pool),
    async (unitId) => (await reference.snapshot()).units.units.some((u) => u.id === unitId),
  );
  return { accounts, close: () => store.close() };
}
