import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { open, seal } from './aead';
import type { MasterKeyProvider } from './master-key-provider';

const KEY_FILE = /^master-(\d{4})\.key$/;

/**
 * Master keys as files in `<dir>` (DATA_DIR/keys by default): `master-0001.key`, `master-0002.key`… (32 random bytes,
 * base64, mode 0600); the highest number is current. Made on first use. Back them up apart from the database: without
 * them no applicant can be read again (that is the point of erasure, not of a lost disk).
 */
export class FileMasterKeys implements MasterKeyProvider {
  private readonly keys = new Map<string, Buffer>();
  /** The current key's id, looked up again at most every few seconds (another process may have rotated). */
  private current?: { id: string; until: number };

  constructor(private readonly dir: string) {}

  async currentKeyId(): Promise<string> {
    if (this.current && this.current.until > Date.now()) return this.current.id;
    const id = this.ids().at(-1) ?? (await this.rotate());
    this.current = { id, until: Date.now() + 5_000 };
    return id;
  }

  async wrap(dataKey: Buffer, context: string): Promise<{ masterKeyId: string; wrapped: Buffer }> {
    const masterKeyId = await this.currentKeyId();
    return { masterKeyId, wrapped: seal(this.key(masterKeyId), dataKey, context) };
  }

  async unwrap(wrapped: Buffer, masterKeyId: string, context: string): Promise<Buffer> {
    return open(this.key(masterKeyId), wrapped, context);
  }

  async rotate(): Promise<string> {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const next = `master-${String((this.ids().length ? Number(this.ids().at(-1)?.slice(7)) : 0) + 1).padStart(4, '0')}`;
    try {
      fs.writeFileSync(path.join(this.dir, `${next}.key`), `${randomBytes(32).toString('base64')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
    }
    this.current = { id: next, until: Date.now() + 5_000 };
    return next;
  }

  private ids(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((f) => KEY_FILE.test(f))
      .map((f) => f.replace(/\.key$/, ''))
      .sort();
  }

  private key(id: string): Buffer {
    const cached = this.keys.get(id);
    if (cached) return cached;
    if (!/^master-\d{4}$/.test(id)) throw new Error(`unknown master key ${id}`);
    const key = Buffer.from(fs.readFileSync(path.join(this.dir, `${id}.key`), 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`master key ${id} is not 32 bytes`);
    this.keys.set(id, key);
    return key;
  }
}
