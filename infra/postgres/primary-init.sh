#!/bin/bash
# Runs once, when the primary's data directory is new (/docker-entrypoint-initdb.d of the official image): the
# replication role the standby connects as, its physical slot (WAL is kept until the standby has it), and the
# pg_hba line that lets it stream. The password comes from the secret file, never from this repository.
set -euo pipefail
replication_password="$(cat /run/secrets/replication_password)"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=password="$replication_password" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SELECT pg_create_physical_replication_slot('standby_1');
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
