import {
  type Account,
  type AccountCommand,
  type AccountEvent,
  type AccountState,
  accountStreamId,
  decideAccount,
  evolveAccount,
  initialAccountState,
  type LockoutPolicy,
} from '@app/domain';
import {
  type EventMetadata,
  type EventStore,
  type Handled,
  handleCommand,
  type RecordedEvent,
  type StreamFold,
} from '@app/event-store';
import { saveAccountView } from './account-view';
import type { Db } from './db';

const FOLD: StreamFold<AccountState> = {
  initialState: initialAccountState,
  evolve: (state, recorded) => evolveAccount(state, recorded as unknown as AccountEvent),
};

/** A command that changes nothing: answered with the state as it stands, with no empty append. */
class NothingToRecord extends Error {
  constructor(readonly state: AccountState) {
    super('nothing to record');
  }
}

/** Who changes an account: recorded on its events like on a dossier's. */
export interface AccountActor {
  /** The account acting (an admin; the account itself when signing in); `system` for the command line. */
  actor: string;
  actorName: string;
  correlationId?: string;
  idempotencyKey?: string;
}

/**
 * An account's stream (`account-<username>`): load, decide (the domain's decideAccount), append with the loaded
 * version, then write the account's view (the projection the guard reads) from the new state.
 */
export class AccountRepository {
  constructor(
    private readonly store: EventStore,
    private readonly db: Db,
    private readonly lockout?: LockoutPolicy,
  ) {}

  async execute(
    accountId: string,
    command: AccountCommand,
    by: AccountActor,
    now = new Date().toISOString(),
  ): Promise<Handled<AccountState>> {
    const decideSomething = (state: AccountState) => {
      const decided = decideAccount(state, command, now, this.lockout);
      if (decided.length === 0) throw new NothingToRecord(state);
      return decided;
    };
    const metadata: EventMetadata = {
      actor: by.actor,
      actorName: by.actorName,
      correlationId: by.correlationId,
    };
    let handled: Handled<AccountState>;
    try {
      handled = await handleCommand(this.store, accountStreamId(accountId), FOLD, decideSomething, {
        newStream: command.type === 'Register',
        idempotencyKey: by.idempotencyKey && `${by.actor}:${by.idempotencyKey}`,
        metadata: () => metadata,
      });
    } catch (error) {
      if (!(error instanceof NothingToRecord)) throw error;
      // already so (a grant already ended, a token already revoked): nothing is appended, the state is as it stands
      const events = await this.history(accountId);
      handled = { state: error.state, version: events.at(-1)?.streamPosition ?? 0, events, replayed: false };
    }
    if (handled.state.status === 'registered') await saveAccountView(this.db, handled.state.account, handled.version);
    return handled;
  }

  /** The account as its stream folds now (undefined when there is none). */
  async load(accountId: string): Promise<Account | undefined> {
    const state = (await this.history(accountId)).reduce(FOLD.evolve, FOLD.initialState);
    return state.status === 'registered' ? state.account : undefined;
  }

  /** Every event of the account, for auditors. */
  history(accountId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(accountStreamId(accountId));
  }
}
