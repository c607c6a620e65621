import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Logger } from 'pino';

// The web app (web/, React + Vite) is served by the same process at `/` from its built assets.
// `npm start` builds them once when they are missing (Vite is a dev dependency: a production image
// builds them in its build stage instead). Deep links (/reservations/123) answer index.html so the
// client-side router can take over; /api, /docs, /health and /metrics keep their problem+json 404s.

export const WEB_ROOT = resolve(import.meta.dirname, '..', 'web');
export const WEB_DIST = join(WEB_ROOT, 'dist');

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Builds web/dist with Vite unless it is already there; false when it cannot be built here. */
export async function ensureWebAssets(logger: Logger, dist: string = WEB_DIST): Promise<boolean> {
  if (await exists(join(dist, 'index.html'))) return true;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    logger.warn('web/dist is missing and Vite is not installed (npm ci installs it): the web app is not served');
    return false;
  }
  logger.info('building the web app into web/dist (it was missing); this happens once');
  await vite.build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  return true;
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
