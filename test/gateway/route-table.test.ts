import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable, socketOwner, MODULE_NAMES, ROUTE_OWNERS } from '../../src/gateway/route-table.ts';
import { API_PREFIX } from '../../src/app.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// The gateway's route table is declared by hand; this checks it against the routes the modules really register.

describe('gateway route table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends every route the app registers to the module that registered it', () => {
    const table = routeTable();
    const routes = t.app.apiRoutes.filter((route) => route.url !== `${API_PREFIX}/ws`);
    expect(routes.length).toBeGreaterThan(60);
    const wrong = routes.flatMap((route) => {
      const path = route.url.slice(API_PREFIX.length).replace(/:[^/]+/g, 'x0');
      const owner = table(path)?.module;
      return owner === route.module ? [] : [`${route.method} ${route.url}: registered by ${route.module}, routed to ${owner ?? 'nobody'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('has every module registering routes in the table, and no module the app does not have', () => {
    const registering = new Set(t.app.apiRoutes.map((route) => route.module).filter(Boolean));
    for (const module of registering) expect(MODULE_NAMES).toContain(module);
    expect(Object.keys(ROUTE_OWNERS).sort()).toEqual([...MODULE_NAMES].sort());
  });

  it('prefers the most specific pattern, segment by segment', () => {
    const table = routeTable();
    expect(table('/admin/users')?.module).toBe('identity');
    expect(table('/admin/users/u1')?.module).toBe('admin');
    expect(table('/admin/users/u1/suspend')?.module).toBe('identity');
    expect(table('/admin/anything-new')?.module).toBe('admin');
    expect(table('/caregivers/c1/reviews')?.module).toBe('reviews');
    expect(table('/caregivers/c1')?.module).toBe('caregivers');
    expect(table('/caregivers/c1/reviews/extra')?.module).toBe('caregivers');
    expect(table('/unknown')).toBeUndefined();
  });

  it('sends the WebSocket to chat when it is routed, else notifications', () => {
    expect(socketOwner(new Set(['identity', 'chat', 'notifications']))).toBe('chat');
    expect(socketOwner(new Set(['identity', 'notifications']))).toBe('notifications');
    expect(socketOwner(new Set(['identity']))).toBeUndefined();
  });
});
