import { randomBytes } from 'node:crypto';
import { access, constants, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { assertValidContentType, assertValidKey, DEFAULT_CONTENT_TYPE, type FileStorage } from './storage.ts';

// Files on the local disk, for a single instance. Documents hold personal data, so everything is
// private to the service user (files 0600, directories 0700).
//
// Layout: `<root>/<key>` holds the bytes and `<root>/<key>.meta.json` the content type. Keys cannot
// end in `.meta.json` (see assertValidKey), so the two never collide. One limit S3 does not have: a
// key cannot also be the folder of another key (`a/b` and `a/b/c`); our keys never nest that way.

interface Meta {
  readonly contentType: string;
}

export function createLocalStorage(rootDir: string): FileStorage {
  const root = resolve(rootDir);

  /** The file for a key; checked again after resolving, should the key rules ever loosen. */
  const pathOf = (key: string): string => {
    assertValidKey(key);
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new TypeError('storage key escapes the storage root');
    return path;
  };

  return {
    kind: 'local',
    async put(key, body, contentType) {
      const path = pathOf(key);
      assertValidContentType(contentType);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      // The metadata goes first: a crash in between then leaves a known file with a stale content
      // type at worst, never a new file without one. Each write is atomic on its own (temp + rename).
      const meta: Meta = { contentType };
      await writeAtomically(`${path}.meta.json`, Buffer.from(JSON.stringify(meta)));
      await writeAtomically(path, body);
    },
    async get(key) {
      const path = pathOf(key);
      const body = await readIfExists(path);
      if (body === undefined) return undefined;
      return { body, contentType: await readContentType(`${path}.meta.json`), size: body.length };
    },
    async delete(key) {
      const path = pathOf(key);
      // The file first, so a crash in between leaves only an orphan sidecar, never a file without one.
      await removeIfExists(path);
      await removeIfExists(`${path}.meta.json`);
    },
    async ping() {
      await mkdir(root, { recursive: true, mode: 0o700 });
      await access(root, constants.R_OK | constants.W_OK);
    },
  };
}

/**
 * Writes to a temp file beside the target, flushes it to disk and renames it over the target, so
 * readers (and a restart after a crash) see the old file or the new one, never half of one.
 * The `~` in the temp name is outside the key alphabet, so it can never be some key's file.
 */
async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const temp = `${path}.~${randomBytes(6).toString('hex')}`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    // EISDIR: the key names a folder of other keys, which is no file, as in S3.
    if (isFsError(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) return undefined;
    throw error;
  }
}

async function readContentType(metaPath: string): Promise<string> {
  const raw = await readIfExists(metaPath);
  if (raw === undefined) return DEFAULT_CONTENT_TYPE;
  try {
    const meta = JSON.parse(raw.toString('utf8')) as Partial<Meta>;
    return typeof meta.contentType === 'string' ? meta.contentType : DEFAULT_CONTENT_TYPE;
  } catch {
    return DEFAULT_CONTENT_TYPE;
  }
}

async function removeIfExists(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
  } catch (error) {
    // A key naming a folder of other keys is no file: nothing to delete, as in S3.
    if (isFsError(error, 'ENOTDIR', 'EISDIR', 'ERR_FS_EISDIR')) return;
    throw error;
  }
}

function isFsError(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}
