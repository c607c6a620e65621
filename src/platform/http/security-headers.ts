import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// Headers on what the server itself answers (the web app's pages get theirs in web-assets.ts):
// - API, health and metrics answers are `Cache-Control: no-store` unless the route chose a cache policy for an
//   answer that is the same for everyone (the region catalogue, approved caregivers' photos); an answer to a
//   request that carried credentials, when it is JSON, or any error, is always `no-store`: patient data never
//   sits in a browser's or a proxy's cache.
// - `/docs` (Swagger UI: its own scripts and styles, no inline script) gets a CSP of its own and may not be framed.

/** Swagger UI's policy: every script from the server itself; `connect-src 'self'` lets "Try it out" reach the API. */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NO_STORE_PREFIXES = ['/api/', '/health/', '/metrics'];

function isJson(reply: FastifyReply): boolean {
  return /^application\/(?:[\w.+-]+\+)?json/i.test(String(reply.getHeader('content-type') ?? ''));
}

function cacheControl(request: FastifyRequest, reply: FastifyReply): string | undefined {
  const chosen = reply.getHeader('cache-control');
  if (reply.statusCode >= 400) return 'no-store';
  if (request.headers.authorization !== undefined && isJson(reply)) return chosen !== undefined && /no-store/.test(String(chosen)) ? undefined : 'no-store';
  return chosen === undefined ? 'no-store' : undefined;
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    const path = request.url;
    if (NO_STORE_PREFIXES.some((prefix) => path.startsWith(prefix))) {
      const value = cacheControl(request, reply);
      if (value !== undefined) reply.header('cache-control', value);
      reply.header('x-content-type-options', 'nosniff');
    } else if (path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs?')) {
      reply.header('x-frame-options', 'DENY');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
    }
  });
}
