import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

// The server serves the built web app at `/` (a stand-in build here: the real one is exercised by the
// browser tests in test/e2e), with deep links answered by index.html and the API keeping its problems.

let t: TestApp;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'carenest-web-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>CareNest</title><div id="root"></div>');
  await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
  t = await startTestApp({ webRoot: root });
});
afterAll(async () => {
  await t?.close();
  await rm(root, { recursive: true, force: true });
});

describe('web app assets', () => {
  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const url of ['/', '/reservations/0199', '/caregiver/profile?x=1']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      // The own origin only ('self' covers its ws:/wss:), never any WebSocket host.
      expect(res.headers['content-security-policy']).toMatch(/connect-src 'self' https:\/\/\*\.tosspayments\.com;/);
      expect(res.headers['content-security-policy']).not.toMatch(/\bwss?:/);
    }
  });

  it('serves hashed assets with a long immutable cache and nosniff', async () => {
    const res = await t.app.inject('/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves files of a rebuild made while the server runs', async () => {
    await writeFile(join(root, 'assets', 'index-new456.js'), 'console.log("rebuilt")');
    const res = await t.app.inject('/assets/index-new456.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('rebuilt');
  });

  it('keeps problem+json 404s for the API, docs, missing files and non-GET requests', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['GET', '/assets/missing.js'],
      ['POST', '/reservations'],
      ['GET', '/health/nothing'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type'], `${method} ${url}`).toContain('application/problem+json');
    }
  });

  it('does not let a path escape the web root', async () => {
    const res = await t.app.inject('/assets/..%2f..%2f..%2fetc%2fpasswd');
    expect(res.statusCode).not.toBe(200);
    expect(res.body).not.toContain('root:');
  });
});
