import { afterEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock } from '../../src/platform/clock.ts';
import type { Actor, AccessTokenVerifier } from '../../src/platform/access.ts';
import { createLocalRealtime, type LocalRealtime } from '../../src/platform/realtime/local-realtime.ts';
import { registerRealtimeRoute, type WebSocketOptions } from '../../src/platform/realtime/websocket.ts';
import { notificationFrame, openAuthenticated, openSocket, type TestSocket } from './client.ts';

// The WebSocket route's timers and limits, on a bare Fastify with short settings and tokens of the
// form "<userId>:<seconds to live>" (the identity module's verifier is exercised in websocket.test.ts).
const verify: AccessTokenVerifier = async (token) => {
  const [userId, ttl] = token.split(':');
  if (!userId || !ttl) throw new Error('bad token');
  return { userId, role: userId.startsWith('admin') ? 'ADMIN' : 'GUARDIAN', tokenId: token, expiresAt: Math.floor(Date.now() / 1000) + Number(ttl) } satisfies Actor;
};

let app: FastifyInstance | undefined;
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.ws.terminate();
  await app?.close();
  app = undefined;
});

async function start(options: Partial<WebSocketOptions>): Promise<{ url: string; hub: LocalRealtime }> {
  const hub = createLocalRealtime();
  app = Fastify();
  await registerRealtimeRoute(app, { path: '/ws', hub, verifyAccessToken: verify, clock: systemClock, options });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${address.replace(/^http/, 'ws')}/ws`, hub };
}

async function connect(url: string, token: string, options: { autoPong?: boolean } = {}): Promise<TestSocket> {
  const socket = await openAuthenticated(url, token, options);
  sockets.push(socket);
  return socket;
}

describe('timers', () => {
  it('closes 4401 after the configured auth timeout', async () => {
    const { url } = await start({ authTimeoutMs: 200 });
    const socket = await openSocket(url);
    sockets.push(socket);
    expect((await socket.closed).code).toBe(4401);
  });

  it('closes 4401 when the access token expires', async () => {
    const { url, hub } = await start({});
    const socket = await connect(url, 'u1:1');
    expect(hub.connectionCount()).toBe(1);
    const { code, reason } = await socket.closed;
    expect(code).toBe(4401);
    expect(reason).toMatch(/expired/);
    expect(hub.connectionCount()).toBe(0);
  });

  it('keeps a connection that answers pings and terminates one that does not', async () => {
    const { url, hub } = await start({ heartbeatMs: 100 });
    const live = await connect(url, 'u1:600');
    const dead = await connect(url, 'u2:600', { autoPong: false });
    const { code } = await dead.closed;
    expect(code).toBe(1006);
    expect(live.ws.readyState).toBe(live.ws.OPEN);
    await expect.poll(() => hub.connectionCount()).toBe(1);
  });
});

describe('a slow client', () => {
  it('is dropped when its send buffer passes the limit, while others still receive', async () => {
    const { url, hub } = await start({ maxBufferedBytes: 64 * 1024 });
    const slow = await connect(url, 'slow:600');
    const fast = await connect(url, 'fast:600');
    slow.ws.pause(); // never reads: the kernel buffers fill, then the server's
    const big = notificationFrame('big', { pad: 'x'.repeat(32 * 1024) });
    let sent = 0;
    // Bounded: 64 MB at most, far beyond loopback socket buffers.
    for (let i = 0; i < 2_000 && hub.connectionCount() === 2; i++) {
      await hub.toUsers(['slow'], big);
      if (i % 20 === 0) {
        await hub.toUsers(['fast'], notificationFrame('fast', { n: sent++ }));
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    expect(hub.connectionCount()).toBe(1);
    await hub.toUsers(['fast'], notificationFrame('fast', { n: sent++ }));
    await fast.next((f) => (f.notification as { data?: { n?: number } } | undefined)?.data?.n === sent - 1);
    expect(fast.frames.filter((f) => f.type === 'notification')).toHaveLength(sent);
    slow.ws.resume();
    expect([1013, 1006]).toContain((await slow.closed).code);
  });
});
