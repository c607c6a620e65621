import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { adminQuery } from '../support/database.ts';

// Real CareNest processes (`node src/main.ts <command>`) for the gateway and split-mode tests.

const MAIN = resolve(import.meta.dirname, '..', '..', 'src', 'main.ts');
export const INTERNAL_SECRET = 'gateway-test-internal-secret-0123456789abcdef';
export const JWT_SECRET = 'gateway-test-jwt-secret-0123456789abcdefghij';
export const ADMIN_SECRET = 'gateway-test-admin-secret';

export interface CareNestProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Output so far (stdout and stderr), for a failure message. */
  output(): string;
  /** SIGKILL (a crash), waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM, waits for the exit. */
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

export function killAll(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function waitForLive(url: string, child: ChildProcess, output: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`process exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    const ok = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`process did not listen on ${url} in time:\n${output()}`);
}

export async function startProcess(name: string, args: readonly string[], port: number, env: Record<string, string>): Promise<CareNestProcess> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      SERVE_WEB: 'false',
      INTERNAL_SECRET,
      JWT_SECRET,
      ADMIN_SIGNUP_SECRET: ADMIN_SECRET,
      PAYMENT_PROVIDER: 'sandbox',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text = (text + chunk.toString()).slice(-20_000)));
  child.stderr!.on('data', (chunk: Buffer) => (text = (text + chunk.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  await waitForLive(url, child, () => text);
  const exit = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  return { name, url, child, output: () => text, kill: exit('SIGKILL'), stop: exit('SIGTERM') };
}

/** An empty PostgreSQL database of the test's own (the processes migrate it); drop() removes it. */
export async function freshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `carenest_gw_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A DATA_DIR per process (local storage, generated secrets). */
export async function tempDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'carenest-gw-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** A JSON call; `token` is sent as a bearer token. */
export async function call(base: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, headers: response.headers, body };
}
