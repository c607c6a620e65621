// Small helpers shared by the benchmarks: start a server process, call it, summarise latencies.
import { spawn, type ChildProcess } from 'node:child_process';

export function startServer(command: string[], env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      // Server errors (pino level 50+) are shown: a benchmark that hides failures measures nothing.
      for (const line of chunk.toString().split('\n')) if (/"level":(5|6)0/.test(line)) process.stderr.write(`[server] ${line}\n`);
      output += chunk.toString();
      const listening = /listening (\d+)/.exec(output) ?? /App\s+http:\/\/[^:/]+:(\d+)\//.exec(output);
      if (listening) resolve({ child, port: Number(listening[1]) });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${output.slice(-500)}`)));
  });
}

export async function stopServer(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function client(base: string) {
  return async function call(method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarise(latencies: number[]): { count: number; p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) };
}

export const round = (n: number): number => Math.round(n * 10) / 10;
