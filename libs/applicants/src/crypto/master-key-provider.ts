/**
 * Where the master keys live: they wrap (encrypt) the applicants' data keys, which are kept apart from the log. The
 * file provider keeps them in DATA_DIR; a KMS or Vault transit provider implements the same port (wrap and unwrap
 * happen there, the master key never leaves it).
 */
export interface MasterKeyProvider {
  /** The id of the master key new data keys are wrapped with. */
  currentKeyId(): Promise<string>;
  /** Wraps a data key with the current master key; `context` is bound to it (the data key's id). */
  wrap(dataKey: Buffer, context: string): Promise<{ masterKeyId: string; wrapped: Buffer }>;
  /** Unwraps a data key wrapped with `masterKeyId`; throws when it was tampered with or the key is unknown. */
  unwrap(wrapped: Buffer, masterKeyId: string, context: string): Promise<Buffer>;
  /** Makes a new current master key (the old ones stay, to unwrap until everything is re-wrapped). */
  rotate(): Promise<string>;
}
