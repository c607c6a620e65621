import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { ROLES } from '../../src/platform/access.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';

// Walks every API route: each declares who may call it, and each role outside that gets 401/403
// before anything else happens.
let t: TestApp;
const users: Partial<Record<(typeof ROLES)[number], TestUser>> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ROLES) users[role] = await t.signup(role);
});
afterAll(async () => {
  await t?.close();
});

const concrete = (url: string) => url.replace(/:(\w+)/g, '00000000-0000-7000-8000-000000000000');

describe('the access rule of every API route', () => {
  it('is declared by every route', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(5);
    for (const route of t.app.apiRoutes) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
  });

  it('refuses anonymous callers on every non-public route with 401', async () => {
    for (const route of t.app.apiRoutes.filter((r) => r.access !== 'public')) {
      const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url), payload: route.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().code).toBe('AUTHENTICATION_REQUIRED');
    }
  });

  it('refuses each role outside a route\'s list with 403, and lets the listed roles past the check', async () => {
    const restricted = t.app.apiRoutes.filter((r) => Array.isArray(r.access));
    for (const route of restricted) {
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: users[role]!.auth,
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const allowed = (route.access as readonly string[]).includes(role);
        const label = `${role} ${route.method} ${route.url} -> ${res.statusCode}`;
        if (allowed) expect([401, 403], label).not.toContain(res.statusCode);
        else expect(res.statusCode, label).toBe(403);
      }
    }
  });

  it('refuses to start with a route that declares nothing', async () => {
    const careless = { name: 'careless', routes: (app: FastifyInstance) => void app.get('/oops', async () => 'x') };
    await expect(
      buildApp({ platform: t.platform, modules: [careless], verifyAccessToken: t.modules.verifyAccessToken }),
    ).rejects.toThrow(/GET \/api\/v1\/oops declares no access rule/);
  });
});
