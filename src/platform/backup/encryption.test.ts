import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, readEncrypted, writeEncrypted } from './encryption.ts';
import { checkedSnapshot, restoreSnapshot, snapshotOf } from './snapshot.ts';

// The backup file format without a database: a fake dump, a few files, then the checks that refuse.

const PASS = 'correct horse battery staple';
let dir: string;

async function* chunksOf(...parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield part;
}
async function all(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}
async function failure(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof BackupError)) throw new Error(`expected a BackupError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carenest-backup-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the encrypted backup file', () => {
  it('gives back exactly what went in, across chunk boundaries', async () => {
    const data = [Buffer.from('hello '), Buffer.alloc(3 * 1024 * 1024, 7), Buffer.from('bye')];
    await writeEncrypted(join(dir, 'a.bk'), PASS, chunksOf(...data));
    expect((await all(readEncrypted(join(dir, 'a.bk'), PASS))).equals(Buffer.concat(data))).toBe(true);
  });

  it('names the passphrase when it is wrong, and the damage when a byte changed or the end is missing', async () => {
    await writeEncrypted(join(dir, 'b.bk'), PASS, chunksOf(Buffer.from('secret payload'.repeat(100))));
    const good = await readFile(join(dir, 'b.bk'));
    expect(await failure(all(readEncrypted(join(dir, 'b.bk'), 'another passphrase')))).toMatchObject({ kind: 'passphrase' });
    const variants: [string, Buffer][] = [
      ['body', Buffer.from(good).fill(good[100]! ^ 1, 100, 101)],
      ['tag', Buffer.from(good).fill(good[good.length - 1]! ^ 1, good.length - 1)],
      ['header', Buffer.from(good).fill(good[30]! ^ 1, 30, 31)],
      ['magic', Buffer.from(good).fill(0x41, 0, 1)],
      ['cut', good.subarray(0, good.length - 20)],
      ['tiny', good.subarray(0, 10)],
    ];
    for (const [name, bytes] of variants) {
      await writeFile(join(dir, `${name}.bk`), bytes);
      const error = await failure(all(readEncrypted(join(dir, `${name}.bk`), PASS)));
      expect([name, error.kind]).toEqual([name, 'damaged']);
    }
  });

  it('never overwrites an existing file', async () => {
    await writeFile(join(dir, 'taken.bk'), 'x');
    await expect(writeEncrypted(join(dir, 'taken.bk'), PASS, chunksOf(Buffer.from('y')))).rejects.toMatchObject({ code: 'EEXIST' });
  });
});

describe('the DATA_DIR snapshot', () => {
  it('carries the dump and every file but the database dir, the lock and temp files, with their modes', async () => {
    const data = join(dir, 'data');
    await mkdir(join(data, 'files', 'caregivers', 'c1'), { recursive: true });
    await mkdir(join(data, 'secrets'), { recursive: true });
    await mkdir(join(data, 'pglite'), { recursive: true });
    await writeFile(join(data, 'files', 'caregivers', 'c1', 'doc'), Buffer.from('%PDF-1.7 bytes'));
    await writeFile(join(data, 'files', 'caregivers', 'c1', 'doc.~0123456789ab'), 'half');
    await writeFile(join(data, 'secrets', 'jwt-secret'), 'shh\n', { mode: 0o600 });
    await writeFile(join(data, 'secrets', 'empty'), '');
    await writeFile(join(data, 'pglite', 'PG_VERSION'), '18');
    await writeFile(join(data, 'carenest.lock'), '{}');
    const snapshot = await all(checkedSnapshot(snapshotOf(data, async () => new Blob(['fake dump']))));

    const target = join(dir, 'restored');
    let dump = '';
    const counts = await restoreSnapshot(chunksOf(snapshot), target, async (blob, into) => {
      dump = await blob.text();
      await mkdir(into);
    });
    expect(dump).toBe('fake dump');
    expect(counts.files).toBe(3);
    expect((await readdir(target, { recursive: true })).sort()).toEqual(
      ['files', 'files/caregivers', 'files/caregivers/c1', 'files/caregivers/c1/doc', 'pglite', 'secrets', 'secrets/empty', 'secrets/jwt-secret'].sort(),
    );
    expect(await readFile(join(target, 'secrets', 'jwt-secret'), 'utf8')).toBe('shh\n');

    await expect(all(checkedSnapshot(chunksOf(snapshot.subarray(0, snapshot.length - 1))))).rejects.toThrow(/incomplete/);
    await expect(restoreSnapshot(chunksOf(snapshot.subarray(0, 30)), join(dir, 'cut'), async () => {})).rejects.toThrow(/damaged/);
  });
});
