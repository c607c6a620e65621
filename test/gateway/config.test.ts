import { describe, expect, it } from 'vitest';
import { gatewayEnv, loadGatewaySettings, parseRoutes } from '../../src/gateway/config.ts';
import { memoryRateLimiter } from '../../src/gateway/rate-limit.ts';
import { ConfigError } from '../../src/platform/settings.ts';

const SECRET = 'x'.repeat(40);

describe('gateway configuration', () => {
  it('reads --routes, --routes= and GATEWAY_ROUTES, the flag winning', () => {
    expect(gatewayEnv(['--routes', 'identity=http://a:1'], { GATEWAY_ROUTES: 'identity=http://b:2' }).GATEWAY_ROUTES).toBe('identity=http://a:1');
    expect(gatewayEnv(['--routes=identity=http://a:1'], {}).GATEWAY_ROUTES).toBe('identity=http://a:1');
    expect(gatewayEnv([], { GATEWAY_ROUTES: 'identity=http://b:2' }).GATEWAY_ROUTES).toBe('identity=http://b:2');
    const { gateway } = loadGatewaySettings(['--routes', 'identity=http://127.0.0.1:4101,caregivers=https://c.example/base'], { INTERNAL_SECRET: SECRET });
    expect([...gateway.routes.keys()]).toEqual(['identity', 'caregivers']);
    expect(gateway.routes.get('caregivers')!.href).toBe('https://c.example/base');
    expect(gateway).toMatchObject({ rateLimitPerMinute: 600, upstreamTimeoutMs: 30_000 });
  });

  it('names every bad entry: unknown module, bad URL, duplicate, identity missing', () => {
    expect(parseRoutes('identity=http://a:1,nope=http://b:2,caregivers=ftp://c,identity=http://d:3').problems).toEqual([
      expect.stringContaining('unknown module "nope"'),
      expect.stringContaining('caregivers needs an http(s) URL'),
      'GATEWAY_ROUTES: identity is listed twice',
    ]);
    expect(parseRoutes('caregivers=http://a:1').problems).toEqual([expect.stringContaining('must route identity')]);
    expect(parseRoutes('').problems).toEqual([expect.stringContaining('at least one module=url')]);
  });

  it('refuses to start without INTERNAL_SECRET or with a bad limit, one line each', () => {
    let problems: readonly string[] = [];
    try {
      loadGatewaySettings([], { GATEWAY_ROUTES: 'identity=http://a:1', GATEWAY_RATE_LIMIT: '-1' });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([expect.stringContaining('INTERNAL_SECRET must be set'), expect.stringContaining('GATEWAY_RATE_LIMIT')]);
  });
});

describe('memory rate limiter', () => {
  it('allows the limit per address per minute window, then refuses until the window ends', async () => {
    let now = Date.UTC(2026, 11, 1, 0, 0, 10);
    const limit = memoryRateLimiter(2, () => now);
    expect((await limit('1.1.1.1')).allowed).toBe(true);
    expect((await limit('1.1.1.1')).allowed).toBe(true);
    expect(await limit('1.1.1.1')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await limit('2.2.2.2')).allowed).toBe(true);
    now += 50_000;
    expect((await limit('1.1.1.1')).allowed).toBe(true);
  });
});
