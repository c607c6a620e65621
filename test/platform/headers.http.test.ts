import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/platform/config.ts';
import { buildMetricsServer } from '../../src/platform/observability/metrics.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';

// Caching and security headers, and the metrics endpoint's opt-in port and token (issue 12, item 8).

const TOKEN = 'scrape-token-0123456789abcdef';

let t: TestApp;
let guardian: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  guardian = await t.signup('GUARDIAN');
});
afterAll(async () => {
  await t?.close();
});

async function appWith(config: Partial<Config>): Promise<FastifyInstance> {
  const platform = { ...t.platform, config: { ...t.platform.config, ...config } };
  const app = await buildApp({ platform, modules: t.modules.modules, verifyAccessToken: t.modules.verifyAccessToken });
  await app.ready();
  return app;
}

describe('Cache-Control', () => {
  it('is no-store on authenticated JSON', async () => {
    const me = await t.app.inject({ url: '/api/v1/users/me', headers: guardian.auth });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.headers['x-content-type-options']).toBe('nosniff');
  });

  it('is no-store on API answers that chose no cache policy, and on every error', async () => {
    const search = await t.app.inject('/api/v1/caregivers');
    expect([search.statusCode, search.headers['cache-control']]).toEqual([200, 'no-store']);
    const refused = await t.app.inject('/api/v1/users/me');
    expect([refused.statusCode, refused.headers['cache-control']]).toEqual([401, 'no-store']);
    const missing = await t.app.inject('/api/v1/caregivers/00000000-0000-4000-8000-000000000000/photo');
    expect([missing.statusCode, missing.headers['cache-control']]).toEqual([404, 'no-store']);
    expect((await t.app.inject('/health/ready')).headers['cache-control']).toBe('no-store');
  });

  it('keeps the public cache of the region catalogue for anonymous callers, not for a signed-in one', async () => {
    const anonymous = await t.app.inject('/api/v1/caregivers/regions');
    expect(anonymous.headers['cache-control']).toBe('public, max-age=86400');
    const signedIn = await t.app.inject({ url: '/api/v1/caregivers/regions', headers: guardian.auth });
    expect(signedIn.headers['cache-control']).toBe('no-store');
  });
});

describe('/docs', () => {
  it('has a CSP that Swagger UI works with and may not be framed', async () => {
    for (const url of ['/docs/', '/docs/json', '/docs/static/swagger-initializer.js']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    // Swagger UI loads only its own files: nothing inline that the CSP would block.
    const page = (await t.app.inject('/docs/')).body;
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await t.app.inject('/docs/static/swagger-initializer.js')).body).toContain('validatorUrl');
  });
});

describe('/metrics', () => {
  it('is public on the main port by default', async () => {
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds');
  });

  it('requires the bearer token when METRICS_TOKEN is set: 401 problem+json otherwise', async () => {
    const app = await appWith({ metricsToken: TOKEN });
    try {
      const none = await app.inject('/metrics');
      expect(none.statusCode).toBe(401);
      expect(none.headers['content-type']).toContain('application/problem+json');
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect(none.json()).toMatchObject({ status: 401, code: 'AUTHENTICATION_REQUIRED' });
      for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, 'Bearer ']) {
        const wrong = await app.inject({ url: '/metrics', headers: { authorization } });
        expect(wrong.statusCode, authorization).toBe(401);
      }
      expect((await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}x` } })).json().code).toBe('INVALID_TOKEN');
      const ok = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('process_cpu_user_seconds_total');
    } finally {
      await app.close();
    }
  });

  it('moves to its own port with METRICS_PORT: the main port answers 404, the metrics port serves the same registry', async () => {
    const app = await appWith({ metricsPort: 9464, metricsToken: TOKEN });
    const metrics = buildMetricsServer(t.platform.metrics, { token: TOKEN, logLevel: 'silent' });
    try {
      const onMain = await app.inject('/metrics');
      expect([onMain.statusCode, onMain.json().code]).toEqual([404, 'ROUTE_NOT_FOUND']);
      await app.inject('/api/v1/caregivers/regions');
      await metrics.listen({ port: 0, host: '127.0.0.1' });
      const { port } = metrics.server.address() as { port: number };
      const refused = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      const scraped = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/caregivers\/regions"/);
      const elsewhere = await fetch(`http://127.0.0.1:${port}/api/v1/caregivers/regions`);
      expect(elsewhere.status).toBe(404);
    } finally {
      await metrics.close();
      await app.close();
    }
  });
});
