import type { Account, Grant } from '@app/domain';
import type { Db } from './db';

/** An account as the guard and the lists read it: the fold of its stream, kept in accounts.account_view. */
export interface AccountView {
  accountId: string;
  username: string;
  displayName: string;
  kind: Account['kind'];
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil?: string;
  failuresInARow: number;
  grants: Grant[];
  streamVersion: number;
}

/**
 * Writes the account as folded at `version` (an inline projection: in the request that appended). A slower writer
 * holding an older version never overwrites a newer one.
 */
export async function saveAccountView(db: Db, account: Account, version: number): Promise<void> {
  await db.query(
    `INSERT INTO accounts.account_view AS v (account_id, username, display_name, kind, disabled, must_change_password,
       locked_until, failures_in_a_row, grants, stream_version, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
     ON CONFLICT (account_id) DO UPDATE SET display_name = EXCLUDED.display_name, disabled = EXCLUDED.disabled,
       must_change_password = EXCLUDED.must_change_password, locked_until = EXCLUDED.locked_until,
       failures_in_a_row = EXCLUDED.failures_in_a_row, grants = EXCLUDED.grants,
       stream_version = EXCLUDED.stream_version, updated_at = now()
     WHERE v.stream_version < EXCLUDED.stream_version`,
    [
      account.accountId,
      account.username,
      account.displayName,
      account.kind,
      account.disabled,
      account.mustChangePassword,
      account.lockedUntil ?? null,
      account.failuresInARow,
      JSON.stringify(account.grants),
      version,
    ],
  );
}

interface Row {
  account_id: string;
  username: string;
  display_name: string;
  kind: Account['kind'];
  disabled: boolean;
  must_change_password: boolean;
  locked_until: Date | null;
  failures_in_a_row: number;
  grants: Grant[];
  stream_version: number;
}

const COLUMNS = `account_id, username, display_name, kind, disabled, must_change_password, locked_until,
  failures_in_a_row, grants, stream_version`;

const toView = (r: Row): AccountView => ({
  accountId: r.account_id,
  username: r.username,
  displayName: r.display_name,
  kind: r.kind,
  disabled: r.disabled,
  mustChangePassword: r.must_change_password,
  ...(r.locked_until ? { lockedUntil: r.locked_until.toISOString() } : {}),
  failuresInARow: r.failures_in_a_row,
  grants: r.grants,
  streamVersion: r.stream_version,
});

export async function findAccountView(db: Db, accountId: string): Promise<AccountView | undefined> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM accounts.account_view WHERE account_id = $1`, [
    accountId,
  ]);
  return rows[0] && toView(rows[0]);
}

export async function listAccountViews(db: Db): Promise<AccountView[]> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM accounts.account_view ORDER BY username`);
  return rows.map(toView);
}

export async function countAccounts(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM accounts.account_view');
  return Number(rows[0]?.n ?? 0);
}
