import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('operations endpoints', () => {
  it('answers liveness and readiness with every dependency checked', async () => {
    expect((await t.app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', cache: 'ok', events: 'ok', storage: 'ok' } });
  });

  it('exposes Prometheus metrics with an HTTP histogram labelled by route template', async () => {
    await t.app.inject('/api/v1/users/me');
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(res.body).toMatch(/http_request_duration_seconds_bucket\{[^}]*method="GET",route="\/api\/v1\/users\/me",status_code="401"/);
  });

  it('serves the OpenAPI 3.1 document of every API route and Swagger UI', async () => {
    const doc = (await t.app.inject('/docs/json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of t.app.apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const me = doc.paths['/api/v1/users/me'].get;
    expect(me.security).toEqual([{ bearerAuth: [] }]);
    expect(me.description).toContain('any signed-in user');
    const ui = await t.app.inject('/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown routes and internal failures as problem+json without internals', async () => {
    const missing = await t.app.inject('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404 });
    expect(missing.headers['x-request-id']).toBeTruthy();
  });

  it('never shows internals in a 5xx', async () => {
    const failing = {
      name: 'failing',
      routes: (app: FastifyInstance) =>
        void app.get('/boom', { config: { access: 'public' } }, async () => {
          throw new Error('relation "identity.users" violates something secret');
        }),
    };
    const app = await buildApp({ platform: t.platform, modules: [failing], verifyAccessToken: t.modules.verifyAccessToken });
    const res = await app.inject('/api/v1/boom');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'INTERNAL_ERROR', status: 500 });
    expect(res.body).not.toContain('identity.users');
    expect(res.body).not.toContain('at ');
    await app.close();
  });

  it('keeps a well-formed incoming request id', async () => {
    const res = await t.app.inject({ url: '/health/live', headers: { 'x-request-id': 'lb-abc-123' } });
    expect(res.headers['x-request-id']).toBe('lb-abc-123');
  });
});
