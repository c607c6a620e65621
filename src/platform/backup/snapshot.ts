import { chmod, mkdir, open, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { BackupError } from './encryption.ts';

// A snapshot of DATA_DIR as one stream of entries (what the backup file encrypts):
//   entry = kind u8 | path length u16 | path (utf-8, relative, '/') | mode u32 | size u64 | bytes
// kind 1 is a file, kind 2 the database (PGlite's `dumpDataDir` tarball, restored into `pglite/`),
// kind 0 ends the stream (a snapshot cut short has no end). The database comes first: a document's file
// is written before its row, so every row in the dump finds its file in the copy made after it.

export const LOCK_FILE = 'carenest.lock';
export const DATABASE_DIR = 'pglite';
const FILE = 1;
const DATABASE = 2;
const END = 0;
/** Local storage writes `<key>.~<12 hex>` and renames it: a half-written upload is not data. */
const TEMP_FILE = /\.~[0-9a-f]{12}$/;

function entryHeader(kind: number, path: string, mode: number, size: number): Buffer {
  const name = Buffer.from(path, 'utf8');
  const head = Buffer.alloc(1 + 2 + name.length + 4 + 8);
  head.writeUInt8(kind, 0);
  head.writeUInt16BE(name.length, 1);
  name.copy(head, 3);
  head.writeUInt32BE(mode & 0o7777, 3 + name.length);
  head.writeBigUInt64BE(BigInt(size), 7 + name.length);
  return head;
}

/** Every regular file under DATA_DIR but the database directory, the lock and temp files; sorted. */
async function filesOf(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dataDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => path !== LOCK_FILE && path !== DATABASE_DIR && !path.startsWith(`${DATABASE_DIR}/`) && !TEMP_FILE.test(path))
    .sort();
}

/** The snapshot: first the database dump (taken while no transaction runs), then the files and secrets. */
export async function* snapshotOf(dataDir: string, dumpDatabase: () => Promise<Blob>): AsyncGenerator<Buffer> {
  const dump = Buffer.from(await (await dumpDatabase()).arrayBuffer());
  yield entryHeader(DATABASE, `${DATABASE_DIR}.tar.gz`, 0o600, dump.length);
  yield dump;
  for (const path of await filesOf(dataDir)) {
    const handle = await open(join(dataDir, path), 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined; // deleted since the listing: gone from the snapshot too
      throw error;
    });
    if (!handle) continue;
    try {
      const { size, mode } = await handle.stat();
      yield entryHeader(FILE, path, mode, size);
      let sent = 0;
      for await (const chunk of handle.createReadStream({ autoClose: false, end: Math.max(size - 1, 0), highWaterMark: 256 * 1024 })) {
        if (size === 0) break;
        sent += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
      if (sent !== size) throw new Error(`${path} changed size while it was copied`);
    } finally {
      await handle.close();
    }
  }
  yield Buffer.from([END]);
}

/** Pulls exact byte counts out of a chunk stream. */
class ByteReader {
  readonly #chunks: AsyncIterator<Buffer>;
  #pending: Buffer = Buffer.alloc(0);
  constructor(chunks: AsyncIterable<Buffer>) {
    this.#chunks = chunks[Symbol.asyncIterator]();
  }
  async #fill(count: number): Promise<void> {
    while (this.#pending.length < count) {
      const next = await this.#chunks.next();
      if (next.done) throw new BackupError('damaged', 'the backup is damaged: its content ends in the middle of an entry');
      this.#pending = this.#pending.length === 0 ? next.value : Buffer.concat([this.#pending, next.value]);
    }
  }
  async take(count: number): Promise<Buffer> {
    await this.#fill(count);
    const out = this.#pending.subarray(0, count);
    this.#pending = this.#pending.subarray(count);
    return out;
  }
  /** Up to `max` bytes (at least one). */
  async some(max: number): Promise<Buffer> {
    await this.#fill(1);
    return this.take(Math.min(max, this.#pending.length));
  }
  /** Reads to the end (so the source can verify its integrity); anything left is damage. */
  async finish(): Promise<void> {
    let extra = this.#pending.length;
    for (let next = await this.#chunks.next(); !next.done; next = await this.#chunks.next()) extra += next.value.length;
    if (extra > 0) throw new BackupError('damaged', `the backup is damaged: ${extra} bytes after its end`);
  }
}

/** Passes a snapshot through unchanged, failing if it is malformed or ends before its end entry. */
export async function* checkedSnapshot(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* passThrough(chunks);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    throw new BackupError('failed', `the snapshot stream is incomplete or malformed (${error.message.replace(/^the backup is damaged: /, '')})`);
  }
}

async function* passThrough(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const reader = new ByteReader(chunks);
  for (;;) {
    const kind = await reader.take(1);
    yield kind;
    if (kind[0] === END) break;
    if (kind[0] !== FILE && kind[0] !== DATABASE) throw new BackupError('failed', `the snapshot is malformed: entry kind ${kind[0]}`);
    const length = await reader.take(2);
    yield length;
    yield await reader.take(length.readUInt16BE(0) + 4);
    const size = await reader.take(8);
    yield size;
    for (let left = Number(size.readBigUInt64BE(0)); left > 0; ) {
      const part = await reader.some(Math.min(left, 1024 * 1024));
      yield part;
      left -= part.length;
    }
  }
  await reader.finish();
}

export interface RestoredCounts {
  readonly files: number;
  readonly bytes: number;
}

/**
 * Writes a snapshot into `targetDir` (a fresh temp dir). The database dump is handed to `loadDatabase`,
 * which unpacks it into `<targetDir>/pglite`. Throws BackupError on anything malformed.
 */
export async function restoreSnapshot(
  chunks: AsyncIterable<Buffer>,
  targetDir: string,
  loadDatabase: (dump: Blob, dir: string) => Promise<void>,
): Promise<RestoredCounts> {
  const reader = new ByteReader(chunks);
  const root = resolve(targetDir);
  let files = 0;
  let bytes = 0;
  let dump: Blob | undefined;
  for (;;) {
    const kind = (await reader.take(1))[0];
    if (kind === END) break;
    if (kind !== FILE && kind !== DATABASE) throw new BackupError('damaged', `the backup is damaged: unknown entry kind ${kind}`);
    const path = (await reader.take((await reader.take(2)).readUInt16BE(0))).toString('utf8');
    const mode = (await reader.take(4)).readUInt32BE(0);
    const size = Number((await reader.take(8)).readBigUInt64BE(0));
    const target = resolve(root, path);
    if (!target.startsWith(root + sep) || path.includes('\\')) throw new BackupError('damaged', `the backup is damaged: entry path "${path}" leaves DATA_DIR`);
    if (kind === DATABASE) {
      const parts: Buffer[] = [];
      for (let left = size; left > 0; ) {
        const part = await reader.some(left);
        parts.push(Buffer.from(part));
        left -= part.length;
      }
      dump = new Blob(parts);
      continue;
    }
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const handle = await open(target, 'wx', mode & 0o777);
    try {
      for (let left = size; left > 0; ) {
        const part = await reader.some(Math.min(left, 1024 * 1024));
        await handle.write(part);
        left -= part.length;
      }
    } finally {
      await handle.close();
    }
    await chmod(target, mode & 0o777);
    files += 1;
    bytes += size;
  }
  await reader.finish();
  if (!dump) throw new BackupError('damaged', 'the backup is damaged: it holds no database');
  await loadDatabase(dump, join(root, DATABASE_DIR));
  return { files, bytes };
}
