import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BackupError } from './encryption.ts';
import { LOCK_FILE, snapshotOf } from './snapshot.ts';

// One process at a time owns an embedded DATA_DIR: the server, or a backup/restore run without one.
// The owner writes `DATA_DIR/carenest.lock` (0600): its pid and role; a server adds the port of a
// listener on 127.0.0.1 and a random token, so `backup` asks the running server for a consistent
// snapshot instead of opening the database a second time (two PGlite processes on one data dir would
// corrupt it). A lock whose pid is gone is stale and taken over.

export interface LockInfo {
  readonly pid: number;
  readonly role: 'server' | 'backup' | 'restore';
  readonly port?: number;
  readonly token?: string;
}

export interface DataDirLock {
  /** Server only: listen on 127.0.0.1 for snapshot requests and publish the port and token in the lock. */
  serveSnapshots(dumpDatabase: () => Promise<Blob>): Promise<void>;
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // a lock left by an earlier run that had our pid (pid 1 in a container)
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live owner of DATA_DIR, if any (a stale lock counts as none). */
export async function lockOwner(dataDir: string): Promise<LockInfo | undefined> {
  const raw = await readFile(join(dataDir, LOCK_FILE), 'utf8').catch(() => undefined);
  if (raw === undefined) return undefined;
  let info: LockInfo;
  try {
    info = JSON.parse(raw) as LockInfo;
  } catch {
    return undefined; // half-written by a process that died: nobody owns it
  }
  return Number.isInteger(info.pid) && alive(info.pid) ? info : undefined;
}

const describe = (owner: LockInfo) =>
  owner.role === 'server' ? `a CareNest server (pid ${owner.pid})` : `a running ${owner.role} (pid ${owner.pid})`;

async function writeLock(path: string, info: LockInfo, exclusive: boolean): Promise<void> {
  const text = `${JSON.stringify(info)}\n`;
  if (exclusive) return writeFile(path, text, { flag: 'wx', mode: 0o600 });
  const temp = `${path}.${process.pid}`;
  await writeFile(temp, text, { mode: 0o600 });
  await rename(temp, path);
}

/** Takes DATA_DIR for this process, or fails naming who has it. */
export async function lockDataDir(dataDir: string, role: LockInfo['role']): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, LOCK_FILE);
  let info: LockInfo = { pid: process.pid, role };
  for (let attempt = 0; ; attempt++) {
    try {
      await writeLock(path, info, true);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const owner = await lockOwner(dataDir);
      if (owner) throw new BackupError('refused', `DATA_DIR ${dataDir} is in use by ${describe(owner)} (if that process is no CareNest, delete ${path})`);
      await rm(path, { force: true }); // stale
    }
  }
  let server: Server | undefined;
  return {
    async serveSnapshots(dumpDatabase) {
      const token = randomBytes(32).toString('base64url');
      const expected = Buffer.from(`Bearer ${token}`);
      server = createServer((req, res) => {
        const given = Buffer.from(req.headers.authorization ?? '');
        if (req.method !== 'POST' || req.url !== '/snapshot' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        // An error mid-stream destroys the response: the client sees a cut stream and keeps nothing.
        Readable.from(snapshotOf(dataDir, dumpDatabase)).on('error', (err) => res.destroy(err)).pipe(res);
      });
      await new Promise<void>((resolve, reject) => server!.once('error', reject).listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      info = { ...info, port, token };
      await writeLock(path, info, false);
    },
    async release() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeAllConnections();
      const current = await readFile(path, 'utf8').catch(() => '');
      if (current.includes(`"pid":${process.pid},`)) await rm(path, { force: true });
    },
  };
}

/** Asks the server that owns DATA_DIR for a snapshot; the stream fails if the server stops mid-way. */
export async function snapshotFromServer(owner: LockInfo): Promise<AsyncIterable<Buffer>> {
  if (!owner.port || !owner.token) {
    throw new BackupError('refused', `${describe(owner)} holds DATA_DIR but takes no snapshot requests yet (starting?): try again in a moment`);
  }
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: owner.port, method: 'POST', path: '/snapshot', headers: { authorization: `Bearer ${owner.token}` } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new BackupError('failed', `the server (pid ${owner.pid}) refused the snapshot request: HTTP ${res.statusCode}`));
        return;
      }
      resolve(res as AsyncIterable<Buffer>);
    });
    req.on('error', (error) => reject(new BackupError('failed', `cannot reach the server (pid ${owner.pid}) for a snapshot: ${error.message}`)));
    req.end();
  });
}
