import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_ROOT } from '../../src/web-assets.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// The web app's typed client is generated from the OpenAPI document (npm run web:client). These checks
// fail when a route changes and the client was not regenerated, so the web app never compiles against
// an API that no longer exists.

const apiDir = join(WEB_ROOT, 'src', 'api');
const HINT = 'run `npm run web:client` and commit web/src/api/openapi.json and schema.d.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('generated web API client', () => {
  it('was generated from the current OpenAPI document', async () => {
    const committed = JSON.parse(await readFile(join(apiDir, 'openapi.json'), 'utf8')) as unknown;
    const served = (await t.app.inject('/docs/json')).json() as unknown;
    expect(served, HINT).toEqual(committed);
  });

  it('has types that match that document', async () => {
    const committed = JSON.parse(await readFile(join(apiDir, 'openapi.json'), 'utf8')) as Parameters<typeof openapiTS>[0];
    const types = await readFile(join(apiDir, 'schema.d.ts'), 'utf8');
    const regenerated = astToString(await openapiTS(committed));
    const body = (text: string) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
    expect(body(types), HINT).toBe(body(regenerated));
  });
});
