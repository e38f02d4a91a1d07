import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Keyed blind index: HMAC-SHA256 with a key of its own (not the master keys'), so an ID number or a phone number can
 * be looked up exactly without being stored: without the key, the digest tells nothing (a bare hash of a 12-digit
 * number would be reversed by trying them all).
 */
export class BlindIndex {
  constructor(private readonly key: Buffer) {}

  /** The key in `<dir>/blind-index.key` (32 random bytes, made on first use, mode 0600). */
  static fromDir(dir: string): BlindIndex {
    const file = path.join(dir, 'blind-index.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      try {
        fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return new BlindIndex(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
  }

  /** The digest of a value of a kind (`id:cccd`, `phone`), already normalised by the domain. */
  digest(kind: string, value: string): string {
    return createHmac('sha256', this.key).update(`${kind}\u0000${value}`).digest('base64url');
  }
}
