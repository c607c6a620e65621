import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// TRUST_PROXY (issue 12, item 4): X-Forwarded-For is believed only from the proxies it names; by default from no one.

const SOCKET = '127.0.0.1'; // inject()'s remoteAddress

async function failedLogins(app: FastifyInstance, count: number, run: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      payload: { email: `nobody-${run}-${i}@example.com`, password: 'wrong password 123' },
    });
    statuses.push(res.statusCode);
    if (res.statusCode === 429) expect(res.json().code).toBe('TOO_MANY_ATTEMPTS');
  }
  return statuses;
}

describe('trusted proxies on the login throttle', () => {
  it('by default ignores X-Forwarded-For: 30 failed logins from one socket get 429 however the header rotates', async () => {
    const t = await startTestApp();
    try {
      const statuses = await failedLogins(t.app, 30, 'default');
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20)).toContain(429);
    } finally {
      await t.close();
    }
  });

  it('believes the header from a configured proxy (TRUST_PROXY=127.0.0.1): each forwarded client counts alone', async () => {
    const t = await startTestApp({ env: { TRUST_PROXY: SOCKET } });
    try {
      const statuses = await failedLogins(t.app, 30, 'trusted');
      expect(statuses.every((s) => s === 401)).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('request.ip by TRUST_PROXY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const probe = {
    name: 'probe',
    routes: (app: FastifyInstance) => void app.get('/probe/ip', { config: { access: 'public' } }, async (request) => ({ ip: request.ip })),
  };

  async function ipSeen(trustProxy: string, remoteAddress: string, forwardedFor: string): Promise<string> {
    const config = { ...t.platform.config, trustProxy: loadConfig({ TRUST_PROXY: trustProxy }).trustProxy };
    const app = await buildApp({ platform: { ...t.platform, config }, modules: [probe], verifyAccessToken: t.modules.verifyAccessToken });
    try {
      const res = await app.inject({ url: '/api/v1/probe/ip', remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });
      return (res.json() as { ip: string }).ip;
    } finally {
      await app.close();
    }
  }

  it('answers the socket address when no proxy is trusted', async () => {
    expect(await ipSeen('', '10.1.2.3', '198.51.100.7')).toBe('10.1.2.3');
  });

  it('takes as many forwarded hops as the count says, and no more', async () => {
    expect(await ipSeen('1', '10.1.2.3', '198.51.100.7, 192.0.2.9')).toBe('192.0.2.9');
    expect(await ipSeen('2', '10.1.2.3', '198.51.100.7, 192.0.2.9')).toBe('198.51.100.7');
  });

  it('believes only listed proxies and CIDRs', async () => {
    expect(await ipSeen('10.0.0.0/8', '10.1.2.3', '198.51.100.7')).toBe('198.51.100.7');
    expect(await ipSeen('10.0.0.0/8', '192.0.2.50', '198.51.100.7')).toBe('192.0.2.50');
    // A client behind the proxy cannot prepend its own choice: the chain is walked only through trusted hops.
    expect(await ipSeen('10.0.0.0/8', '10.1.2.3', '1.1.1.1, 198.51.100.7')).toBe('198.51.100.7');
  });
});
