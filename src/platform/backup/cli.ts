import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import { openPglite } from '../db/database.ts';
import { ConfigError, type Env } from '../settings.ts';
import { lockDataDir, lockOwner, snapshotFromServer } from './data-dir-lock.ts';
import { BackupError, readEncrypted, writeEncrypted } from './encryption.ts';
import { checkedSnapshot, DATABASE_DIR, LOCK_FILE, restoreSnapshot, snapshotOf } from './snapshot.ts';

// `node src/main.ts backup <file>` and `restore <file> [--force]` for an embedded install (DATA_DIR).
// Both answer an exit code: 0 done, 1 refused or failed (nothing written), 64 usage, 78 configuration.

const MIN_PASSPHRASE = 12;
type Out = (line: string) => void;
interface Io {
  readonly out: Out;
  readonly err: Out;
}
const defaultIo: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };

function settings(env: Env, io: Io): { config: Config; passphrase: string } | number {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 78;
  }
  const passphrase = env.BACKUP_PASSPHRASE ?? '';
  if (passphrase.length < MIN_PASSPHRASE) {
    io.err(`BACKUP_PASSPHRASE must be set in the environment (at least ${MIN_PASSPHRASE} characters): it encrypts the backup and is needed to restore it`);
    return 78;
  }
  if (config.databaseUrl) {
    io.err('DATABASE_URL is set: this command backs up an embedded DATA_DIR; back up PostgreSQL and S3 as docs/operations.md ("Backups and restore") describes');
    return 1;
  }
  return { config, passphrase };
}

const exists = (path: string) => stat(path).then(() => true, () => false);

export async function backupCommand(args: readonly string[], env: Env, io: Io = defaultIo): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    io.err('usage: node src/main.ts backup <file>   (BACKUP_PASSPHRASE and DATA_DIR from the environment)');
    return 64;
  }
  const setup = settings(env, io);
  if (typeof setup === 'number') return setup;
  const { config, passphrase } = setup;
  const file = resolve(args[0]!);
  const temp = `${file}.partial-${randomBytes(4).toString('hex')}`;
  try {
    if (await exists(file)) throw new BackupError('refused', `${file} already exists: give a new file name`);
    if (config.storage.kind === 's3') io.err('note: STORAGE=s3 keeps documents in the bucket, not in DATA_DIR: back the bucket up as docs/operations.md describes');
    const owner = await lockOwner(config.dataDir);
    let bytes: number;
    if (owner?.role === 'server') {
      bytes = await writeEncrypted(temp, passphrase, checkedSnapshot(await snapshotFromServer(owner)));
      io.out(`backup of ${config.dataDir} taken by the running server (pid ${owner.pid})`);
    } else {
      if (!(await exists(join(config.dataDir, DATABASE_DIR)))) throw new BackupError('refused', `no embedded database in ${config.dataDir} (DATA_DIR): nothing to back up`);
      const lock = await lockDataDir(config.dataDir, 'backup');
      try {
        const database = await openPglite(join(config.dataDir, DATABASE_DIR));
        try {
          bytes = await writeEncrypted(temp, passphrase, checkedSnapshot(snapshotOf(config.dataDir, database.dump!)));
        } finally {
          await database.close();
        }
      } finally {
        await lock.release();
      }
      io.out(`backup of ${config.dataDir} taken directly (no server running)`);
    }
    await rename(temp, file);
    io.out(`written: ${file} (${bytes} bytes, AES-256-GCM, key from BACKUP_PASSPHRASE)`);
    return 0;
  } catch (error) {
    await rm(temp, { force: true });
    return failed('backup', error, io);
  }
}

export async function restoreCommand(args: readonly string[], env: Env, io: Io = defaultIo): Promise<number> {
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    io.err('usage: node src/main.ts restore <file> [--force]   (BACKUP_PASSPHRASE and DATA_DIR from the environment)');
    return 64;
  }
  const setup = settings(env, io);
  if (typeof setup === 'number') return setup;
  const { passphrase } = setup;
  const dataDir = resolve(setup.config.dataDir);
  let scratch: string | undefined;
  try {
    await refuseIfServed(dataDir);
    const present = (await readdir(dataDir).catch(() => [] as string[])).filter((name) => name !== LOCK_FILE);
    if (present.length > 0 && !force) {
      throw new BackupError('refused', `DATA_DIR ${dataDir} is not empty (${present.slice(0, 3).join(', ')}${present.length > 3 ? ', ...' : ''}): restore into an empty or new directory, or add --force to replace it (its contents are moved aside, not deleted)`);
    }
    await mkdir(dirname(dataDir), { recursive: true });
    scratch = await mkdtemp(join(dirname(dataDir), `.${basename(dataDir)}.restoring-`));
    const counts = await restoreSnapshot(readEncrypted(resolve(files[0]!), passphrase), scratch, async (dump, dir) => {
      const database = await openPglite(dir, dump);
      await database.close();
    });
    await refuseIfServed(dataDir);
    let movedAside: string | undefined;
    if (await exists(dataDir)) {
      if (present.length === 0) await rm(dataDir, { recursive: true, force: true });
      else {
        movedAside = `${dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await rename(dataDir, movedAside);
      }
    }
    await rename(scratch, dataDir);
    scratch = undefined;
    io.out(`restored into ${dataDir}: the database and ${counts.files} files (${counts.bytes} bytes)`);
    if (movedAside) io.out(`the previous contents are in ${movedAside}: delete them once the restore is checked`);
    return 0;
  } catch (error) {
    if (scratch) await rm(scratch, { recursive: true, force: true });
    return failed('restore', error, io);
  }
}

async function refuseIfServed(dataDir: string): Promise<void> {
  const owner = await lockOwner(dataDir);
  if (owner) throw new BackupError('refused', `${owner.role === 'server' ? 'a CareNest server' : `a ${owner.role}`} (pid ${owner.pid}) is running on ${dataDir}: stop it first`);
}

function failed(what: 'backup' | 'restore', error: unknown, io: Io): number {
  const nothing = what === 'backup' ? 'no backup file was written' : 'nothing was written to DATA_DIR';
  if (error instanceof BackupError) {
    io.err(`${what} ${error.kind === 'refused' ? 'refused' : 'failed'}: ${error.message}; ${nothing}`);
    return 1;
  }
  io.err(`${what} failed: ${error instanceof Error ? error.message : String(error)}; ${nothing}`);
  return 1;
}

