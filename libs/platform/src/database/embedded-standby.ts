import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';

/** pg_hba.conf rules that let the `postgres` superuser stream WAL over loopback (a standby's connection). */
export const REPLICATION_HBA = [
  'local replication postgres scram-sha-256',
  'host replication postgres 127.0.0.1/32 scram-sha-256',
];

export interface StandbyCopyOptions {
  /** The primary's options (its `hba` should include REPLICATION_HBA); it must not be running. */
  primary: EmbeddedPostgresOptions;
  /** The standby's options (data directory, port, settings); `standby` is set by `standbyOptions`. */
  standby: EmbeddedPostgresOptions;
  /** The physical replication slot on the primary that keeps the WAL the standby has not received. */
  slot: string;
  /** Databases to create on the primary before the copy (so the standby has them from the start). */
  databases?: string[];
}

/**
 * Makes the standby's data directory as a copy of the primary's, without pg_basebackup (the embedded binaries have
 * none): starts the primary, creates the replication slot and the databases, stops it cleanly (a shut-down data
 * directory is consistent), copies its files, drops the copy's slots, server lock and owner file, and gives the
 * standby the primary's password (same cluster, same roles). Nothing to do when the standby's directory exists.
 */
export async function copyPrimaryForStandby(options: StandbyCopyOptions): Promise<void> {
  const standby = new EmbeddedPostgres(options.standby);
  const target = standby.prepareDataDir();
  if (fs.existsSync(path.join(target, 'PG_VERSION'))) return;
  const primary = new EmbeddedPostgres(options.primary);
  await primary.start();
  try {
    const client = new Client({ connectionString: primary.url });
    await client.connect();
    try {
      const slot = await client.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [options.slot]);
      if (slot.rowCount === 0)
        await client.query('SELECT pg_create_physical_replication_slot($1, true)', [options.slot]);
      for (const name of options.databases ?? []) {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      }
    } finally {
      await client.end();
    }
  } finally {
    await primary.stop();
  }
  const source = fs.realpathSync(options.primary.dataDir);
  execFileSync('cp', ['-a', `${source}/.`, target]);
  for (const file of ['postmaster.pid', 'postmaster.opts', 'dossier-tracker-owner.json', 'standby.signal'])
    fs.rmSync(path.join(target, file), { force: true });
  for (const entry of fs.readdirSync(path.join(target, 'pg_replslot')))
    fs.rmSync(path.join(target, 'pg_replslot', entry), { recursive: true, force: true });
  fs.copyFileSync(primary.passwordFile, standby.passwordFile);
  fs.chmodSync(standby.passwordFile, 0o600);
}

/** The standby's connection to the primary: loopback TCP with the password, through `slot`. */
export function standbyOptions(
  primary: EmbeddedPostgres,
  slot: string,
  name = 'standby',
): NonNullable<EmbeddedPostgresOptions['standby']> {
  const { port, password } = primary.address;
  const secret = password ? ` password=${password}` : '';
  return { primaryConninfo: `host=127.0.0.1 port=${port} user=postgres${secret} application_name=${name}`, slot };
}
