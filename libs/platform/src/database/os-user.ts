import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

/** Looks up an OS user, creating it (as root) when asked and missing. */
export function osUser(name: string, options: { create: boolean }): OsUser {
  const lookup = (): OsUser | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { name, uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  if (!options.create) throw new Error(`OS user "${name}" does not exist`);
  execFileSync('sh', [
    '-c',
    `getent group ${name} >/dev/null || groupadd ${name}; useradd -r -g ${name} -s /bin/false ${name}`,
  ]);
  const created = lookup();
  if (!created) throw new Error(`Could not create OS user "${name}"`);
  return created;
}

/** True when `user` may traverse every folder from the root down to `dir` (and read it). */
export function reachableByUser(dir: string, user: OsUser): boolean {
  let current = path.resolve(dir);
  for (;;) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(current);
    } catch {
      return false;
    }
    const mode = stat.mode;
    const canEnter =
      stat.uid === user.uid
        ? (mode & 0o100) !== 0
        : stat.gid === user.gid
          ? (mode & 0o010) !== 0
          : (mode & 0o001) !== 0;
    if (!canEnter) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}
