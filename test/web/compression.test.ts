import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../web/build/precompress.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// Issue 13 item 13: the web app's assets are compressed at build time (web/build/precompress.ts, the Vite
// plugin) and served precompressed, chosen from Accept-Encoding, always with Vary: Accept-Encoding.

const SCRIPT = `${'export const greeting = "안녕하세요, CareNest";\n'.repeat(400)}console.log(greeting);\n`;

let t: TestApp;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'carenest-web-compressed-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>CareNest</title><div id="root"></div>');
  await writeFile(join(root, 'assets', 'index-abc123.js'), SCRIPT);
  await writeFile(join(root, 'assets', 'tiny-1.js'), 'export {};');
  await precompressDirectory(root);
  t = await startTestApp({ webRoot: root });
});
afterAll(async () => {
  await t?.close();
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('precompressed web assets', () => {
  it('writes .br and .gz copies beside files worth compressing, not beside tiny ones', async () => {
    const files = await readdir(join(root, 'assets'));
    expect(files.sort()).toEqual(['index-abc123.js', 'index-abc123.js.br', 'index-abc123.js.gz', 'tiny-1.js']);
  });

  it('sends brotli when the browser accepts it (br preferred over gzip)', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a browser that takes gzip only', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the file as it is for identity or no Accept-Encoding, still saying Vary', async () => {
    for (const accept of ['identity', undefined]) {
      const res = await get('/assets/index-abc123.js', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.body).toBe(SCRIPT);
    }
  });

  it('serves a file without compressed copies as it is, and pages still answer index.html', async () => {
    const tiny = await get('/assets/tiny-1.js', 'br, gzip');
    expect([tiny.statusCode, tiny.headers['content-encoding'], tiny.body]).toEqual([200, undefined, 'export {};']);
    const page = await get('/reservations/123', 'br, gzip');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});
