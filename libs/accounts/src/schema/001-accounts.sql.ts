/**
 * accounts/001: what the accounts lib keeps beside its event streams (`account-<username>` in the event store).
 * - account_view: each account as its stream folds (the projection the guard reads), written with every change;
 * - credentials: the password hash (argon2id), apart from the log: it changes and must be forgettable;
 * - sessions: people's sign-ins (the cookie holds a secret; only its SHA-256 is kept here);
 * - service_tokens: machines' bearer tokens (only their SHA-256 here), with a scope and an expiry;
 * - external_identities: the single sign-on subject (issuer, sub) linked to an account.
 */
export const ACCOUNTS_001_SQL = /* sql */ `
CREATE SCHEMA IF NOT EXISTS accounts;

CREATE TABLE accounts.account_view (
  account_id           text        PRIMARY KEY,
  username             text        NOT NULL UNIQUE,
  display_name         text        NOT NULL,
  kind                 text        NOT NULL CHECK (kind IN ('person', 'service')),
  disabled             boolean     NOT NULL DEFAULT false,
  must_change_password boolean     NOT NULL DEFAULT false,
  locked_until         timestamptz,
  failures_in_a_row    integer     NOT NULL DEFAULT 0,
  grants               jsonb       NOT NULL DEFAULT '[]',
  stream_version       integer     NOT NULL,
  updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts.credentials (
  account_id    text        PRIMARY KEY,
  password_hash text        NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts.sessions (
  session_id    text        PRIMARY KEY,
  secret_hash   text        NOT NULL UNIQUE,
  csrf_token    text        NOT NULL,
  account_id    text        NOT NULL,
  method        text        NOT NULL,
  address       text        NOT NULL DEFAULT '',
  user_agent    text        NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz
);
CREATE INDEX sessions_by_account ON accounts.sessions (account_id) WHERE revoked_at IS NULL;

CREATE TABLE accounts.service_tokens (
  token_id    text        PRIMARY KEY,
  token_hash  text        NOT NULL UNIQUE,
  account_id  text        NOT NULL,
  label       text        NOT NULL,
  scope       jsonb       NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);

CREATE TABLE accounts.external_identities (
  issuer      text        NOT NULL,
  subject     text        NOT NULL,
  account_id  text        NOT NULL,
  linked_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);
`;
