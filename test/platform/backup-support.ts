import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The real server and CLI as child processes (`node src/main.ts ...`) on a DATA_DIR, for the backup tests.

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Server {
  readonly base: string;
  /** The demo guardians' and caregivers' password, and the demo admin's (they may differ). */
  readonly demoPassword: string;
  readonly adminPassword: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

export function baseEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const keep = Object.fromEntries(Object.entries(process.env).filter(([k]) => ['PATH', 'HOME', 'TMPDIR', 'LANG'].includes(k))) as Record<string, string>;
  return { ...keep, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SERVE_WEB: 'false', LOG_LEVEL: 'warn', DEMO_DATA: 'true', ...extra };
}

/** Starts `node src/main.ts` and waits for its banner (the API URL and the demo password). */
export function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 90 s:\n${output}`)), 90_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const base = /App {8}(http:\/\/[^/\s]+)\//.exec(output)?.[1];
      const adminPassword = /admin {6}\S+ \/ (\S+)/.exec(output)?.[1];
      const password = /guardian {3}\S+ \/ (\S+)/.exec(output)?.[1];
      if (!base || !password || !adminPassword) return;
      clearTimeout(timer);
      resolve({
        base,
        demoPassword: password,
        adminPassword,
        process: child,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it was ready:\n${output}`));
    });
  });
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** JSON over fetch; throws on an unexpected status. */
export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; status?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${base}/api/v1${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  if (response.status !== (options.status ?? (method === 'POST' ? 201 : 200)) && !(options.status === undefined && response.ok)) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function login(base: string, email: string, password: string): Promise<string> {
  return (await call<{ accessToken: string }>(base, 'POST', '/auth/login', { body: { email, password }, status: 200 })).accessToken;
}

export async function download(base: string, path: string, token: string): Promise<Buffer> {
  const response = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Every item of an admin list, page by page. */
export async function listAll(base: string, path: string, token: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Record<string, unknown>[]; nextCursor: string | null } = await call(
      base,
      'GET',
      `${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** A whole hour `ms` from now, as KST with its offset. */
export function kstHour(ms: number): string {
  const at = new Date(Date.now() + ms);
  at.setUTCMinutes(0, 0, 0);
  return `${new Date(at.getTime() + HOUR + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;
}
