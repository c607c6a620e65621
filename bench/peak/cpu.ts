// CPU seconds of the processes a load run involves, read from /proc/<pid>/stat (utime + stime) before and
// after: each app replica, the PostgreSQL backends serving the run's database (summed), Redis and Kafka's
// JVM (both shared with whatever else runs on the host: upper bounds), and the load generator itself.
import { readFile } from 'node:fs/promises';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

async function cpuOf(pid: number): Promise<number | undefined> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined; // the process has exited
  }
}

/** Pids of the backends connected to `database` now. */
export async function backendPids(adminUrl: string, database: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
    return rows.map((r) => r.pid);
  } finally {
    await c.end();
  }
}

export async function pidOfCommand(name: string): Promise<number | undefined> {
  const { readdir } = await import('node:fs/promises');
  for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === name) return Number(pid);
  }
  return undefined;
}

export type CpuSnapshot = Map<string, Map<number, number>>;

/** Named groups of pids; a group's figure is the sum of its processes. */
export async function snapshot(groups: Record<string, readonly number[]>): Promise<CpuSnapshot> {
  const out: CpuSnapshot = new Map();
  for (const [name, pids] of Object.entries(groups)) {
    const byPid = new Map<number, number>();
    for (const pid of pids) {
      const s = await cpuOf(pid);
      if (s !== undefined) byPid.set(pid, s);
    }
    out.set(name, byPid);
  }
  const own = process.cpuUsage();
  out.set('load generator', new Map([[process.pid, (own.user + own.system) / 1e6]]));
  return out;
}

/**
 * CPU seconds per group between two snapshots; a pid seen only in `after` (a backend opened during the run)
 * counts from zero. Also as % of one core over `seconds`.
 */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot, seconds: number): Record<string, { seconds: number; percent: number }> {
  const result: Record<string, { seconds: number; percent: number }> = {};
  for (const [name, pids] of after) {
    let sum = 0;
    for (const [pid, s] of pids) sum += s - (before.get(name)?.get(pid) ?? 0);
    result[name] = { seconds: Math.round(sum * 100) / 100, percent: Math.round((sum / seconds) * 1000) / 10 };
  }
  return result;
}
