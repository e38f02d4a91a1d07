#!/bin/bash
# The streaming standby of infra/compose.yaml (runs as user postgres): on first start, copies the primary with
# pg_basebackup through the slot the primary made (-R writes primary_conninfo and standby.signal), then runs
# PostgreSQL as a hot standby that reporting reads through READ_DATABASE_URL, with the settings compose passes.
set -euo pipefail
: "${PGDATA:?}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chmod 0700 "$PGDATA"
  PGPASSWORD="$(cat /run/secrets/replication_password)" pg_basebackup \
    --host=postgres-primary --username=replicator --pgdata="$PGDATA" \
    --wal-method=stream --write-recovery-conf --slot=standby_1 --checkpoint=fast --no-password
fi
exec postgres "$@" -c hot_standby=on -c hot_standby_feedback=on -c max_standby_streaming_delay=30s
