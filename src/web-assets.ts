import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Logger } from 'pino';

// The web app (web/, React + Vite) is served by the same process at `/` from its built assets.
// `npm start` builds them when they are missing or older than web/'s sources (Vite is a dev dependency: a
// production image builds them in its build stage instead). The build runs in a child process, alongside the
// database start-up and the demo seed, and exits before the server is ready: Vite's memory never stays in the
// server (docs/decisions/0031-embedded-footprint.md). Deep links (/reservations/123) answer index.html so the
// client-side router can take over; /api, /docs, /health and /metrics keep their problem+json 404s.

export const WEB_ROOT = resolve(import.meta.dirname, '..', 'web');
export const WEB_DIST = join(WEB_ROOT, 'dist');

async function modifiedAt(path: string): Promise<number | undefined> {
  return stat(path).then(
    (info) => info.mtimeMs,
    () => undefined,
  );
}

/** The newest modification time among the web app's sources (0 where they are absent, as in the image). */
async function newestSource(root: string): Promise<number> {
  let newest = 0;
  for (const name of ['index.html', 'vite.config.ts', 'tsconfig.json', 'src', 'public', 'build']) {
    const path = join(root, name);
    const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch(() => undefined);
    const files = entries ? entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)) : [path];
    for (const file of files) newest = Math.max(newest, (await modifiedAt(file)) ?? 0);
  }
  return newest;
}

/** Whether web/dist is there and newer than every source of the web app. */
export async function webAssetsState(dist: string = WEB_DIST, root: string = WEB_ROOT): Promise<'fresh' | 'missing' | 'stale'> {
  const built = await modifiedAt(join(dist, 'index.html'));
  if (built === undefined) return 'missing';
  return (await newestSource(root)) > built ? 'stale' : 'fresh';
}

/**
 * Builds web/dist with Vite in a child process when it is missing or stale; false when it cannot be built
 * here (no Vite) or the build failed (logged: the API is served without the web app).
 */
export async function ensureWebAssets(logger: Logger, dist: string = WEB_DIST): Promise<boolean> {
  const state = await webAssetsState(dist);
  if (state === 'fresh') return true;
  let viteBin: string;
  try {
    viteBin = join(dirname(fileURLToPath(import.meta.resolve('vite/package.json'))), 'bin', 'vite.js');
  } catch {
    if (state === 'stale') return true; // serve what is there
    logger.warn('web/dist is missing and Vite is not installed (npm ci installs it): the web app is not served');
    return false;
  }
  logger.info({ state }, `building the web app into web/dist (it was ${state}) in a child process`);
  const args = [viteBin, 'build', '--config', join(WEB_ROOT, 'vite.config.ts'), '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'];
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, args, { cwd: WEB_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (error) => {
      logger.error({ err: error }, 'could not start the web build');
      done(-1);
    });
    child.once('exit', (exitCode) => done(exitCode));
  });
  if (code === 0) return true;
  logger.error({ exitCode: code }, 'the web app build failed: the API is served without the web app (run `npm run web:build` to see why)');
  return false;
}

const SERVER_PATHS = ['/api/', '/docs', '/health/', '/metrics'];

// The app's own origin only, plus Toss Payments' widget (script, frames, API) for PAYMENT_PROVIDER=toss.
// Blob URLs show private documents fetched with the bearer token (admin document viewer, photo preview).
const TOSS = 'https://*.tosspayments.com';
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${TOSS}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // 'self' covers the same origin's ws:/wss: (CSP Level 3; Chrome 71+, Firefox, Safari 16+): the live socket is /api/v1/ws.
  `connect-src 'self' ${TOSS}`,
  `frame-src 'self' blob: ${TOSS}`,
  "object-src 'self' blob:",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves built assets at `/`; returns the fallback that answers index.html for client-side routes. */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined> {
  await app.register(fastifyStatic, {
    root,
    // Files are looked up per request (not listed at start), so a rebuilt web/dist is served without a restart.
    wildcard: true,
    index: ['index.html'],
    // web/dist holds brotli and gzip copies made at build time (web/build/precompress.ts): the best one the
    // browser accepts is sent with Content-Encoding, and every answer says Vary: Accept-Encoding.
    preCompressed: true,
    // Hashed asset names never change content: cache them for a year; index.html always revalidates.
    setHeaders(res, path) {
      res.header('x-content-type-options', 'nosniff');
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/docs')) {
      reply.header('x-frame-options', 'DENY');
      reply.header('referrer-policy', 'strict-origin-when-cross-origin');
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
  });
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage = request.method === 'GET' && !SERVER_PATHS.some((prefix) => path.startsWith(prefix)) && !path.split('/').pop()?.includes('.');
    return isPage ? reply.header('cache-control', 'no-cache').sendFile('index.html') : undefined;
  };
}
