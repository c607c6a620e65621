import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';

// The backup file: a 64-byte header, the payload encrypted with AES-256-GCM (the header is its
// additional authenticated data), then the 16-byte GCM tag. The key comes from the passphrase through
// scrypt. Three checks tell the operator what is wrong before anything is written:
//   1. magic, version and a digest of the header: "not a backup" / "header damaged";
//   2. a key check (HMAC of the header under a second scrypt-derived key): "wrong passphrase";
//   3. the GCM tag at the end: "the content was changed or cut short".
//
// Header: "CNBACKUP" | version u8 | log2(N) u8 | r u8 | p u8 | salt 16 | nonce 12 | key check 16 | digest 8

const MAGIC = Buffer.from('CNBACKUP', 'ascii');
const VERSION = 1;
export const HEADER_BYTES = 64;
const TAG_BYTES = 16;
const KDF = { logN: 15, r: 8, p: 1 };
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** What the operator reads when a backup cannot be made or restored; `kind` says whose fault. */
export class BackupError extends Error {
  readonly kind: 'passphrase' | 'damaged' | 'refused' | 'failed';
  constructor(kind: BackupError['kind'], message: string) {
    super(message);
    this.name = 'BackupError';
    this.kind = kind;
  }
}

async function deriveKeys(passphrase: string, salt: Buffer, kdf: typeof KDF): Promise<{ key: Buffer; check: Buffer }> {
  const N = 2 ** kdf.logN;
  const bytes = await scryptAsync(passphrase, salt, 64, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 16 * 1024 * 1024 });
  return { key: bytes.subarray(0, 32), check: bytes.subarray(32) };
}

const keyCheck = (check: Buffer, prefix: Buffer) => createHmac('sha256', check).update(prefix).digest().subarray(0, 16);
const digestOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest().subarray(0, 8);

async function buildHeader(passphrase: string): Promise<{ header: Buffer; key: Buffer; nonce: Buffer }> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const { key, check } = await deriveKeys(passphrase, salt, KDF);
  const prefix = Buffer.concat([MAGIC, Buffer.from([VERSION, KDF.logN, KDF.r, KDF.p]), salt, nonce]);
  const withCheck = Buffer.concat([prefix, keyCheck(check, prefix)]);
  return { header: Buffer.concat([withCheck, digestOf(withCheck)]), key, nonce };
}

/** Encrypts `chunks` into `path` (created, never overwritten): the caller writes to a temp name and renames. */
export async function writeEncrypted(path: string, passphrase: string, chunks: AsyncIterable<Buffer>): Promise<number> {
  const { header, key, nonce } = await buildHeader(passphrase);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(header);
  const handle = await open(path, 'wx', 0o600);
  try {
    let written = 0;
    const write = async (bytes: Buffer) => {
      if (bytes.length === 0) return;
      await handle.write(bytes);
      written += bytes.length;
    };
    await write(header);
    for await (const chunk of chunks) await write(cipher.update(chunk));
    await write(cipher.final());
    await write(cipher.getAuthTag());
    await handle.sync();
    return written;
  } finally {
    await handle.close();
  }
}

/**
 * The plaintext of a backup file, chunk by chunk. The header and passphrase are checked before the first
 * chunk; the content's integrity only at the end (the last iteration throws when it fails), so whoever
 * consumes the chunks must write them somewhere temporary and keep them only when the iteration completes.
 */
export async function* readEncrypted(path: string, passphrase: string): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError('failed', `cannot read the backup file ${path}: ${error.code ?? error.message}`);
  });
  try {
    const { size } = await handle.stat();
    if (size < HEADER_BYTES + TAG_BYTES) throw new BackupError('damaged', `the backup file is damaged: only ${size} bytes, cut short`);
    const header = Buffer.alloc(HEADER_BYTES);
    await handle.read(header, 0, HEADER_BYTES, 0);
    if (!header.subarray(0, 8).equals(MAGIC)) throw new BackupError('damaged', 'the file is not a CareNest backup, or its header is damaged');
    const version = header[8]!;
    if (version !== VERSION) throw new BackupError('damaged', `the backup has format version ${version}; this build reads version ${VERSION} (damaged, or made by a newer CareNest)`);
    if (!timingSafeEqual(digestOf(header.subarray(0, 56)), header.subarray(56))) {
      throw new BackupError('damaged', 'the backup file is damaged: its header does not match its checksum');
    }
    const kdf = { logN: header[9]!, r: header[10]!, p: header[11]! };
    if (kdf.logN > 22 || kdf.r > 32 || kdf.p > 16) throw new BackupError('damaged', 'the backup file is damaged: impossible key-derivation parameters');
    const salt = header.subarray(12, 28);
    const nonce = header.subarray(28, 40);
    const { key, check } = await deriveKeys(passphrase, salt, kdf);
    if (!timingSafeEqual(keyCheck(check, header.subarray(0, 40)), header.subarray(40, 56))) {
      throw new BackupError('passphrase', 'wrong BACKUP_PASSPHRASE: it is not the passphrase this backup was made with');
    }
    const tag = Buffer.alloc(TAG_BYTES);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    const buffer = Buffer.alloc(1024 * 1024);
    for (let position = HEADER_BYTES; position < size - TAG_BYTES; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - TAG_BYTES - position), position);
      if (bytesRead === 0) throw new BackupError('damaged', 'the backup file changed size while it was read');
      position += bytesRead;
      const plain = decipher.update(buffer.subarray(0, bytesRead));
      if (plain.length > 0) yield plain;
    }
    try {
      const last = decipher.final();
      if (last.length > 0) yield last;
    } catch {
      throw new BackupError('damaged', 'the backup file is damaged: its content fails the integrity check (changed or cut short after it was written)');
    }
  } finally {
    await handle.close();
  }
}
