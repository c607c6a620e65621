import Fastify from 'fastify';
import { systemClock } from '../src/platform/clock.ts';
import type { AccessTokenVerifier } from '../src/platform/access.ts';
import { createLocalRealtime } from '../src/platform/realtime/local-realtime.ts';
import { registerRealtimeRoute } from '../src/platform/realtime/websocket.ts';

// The process under test for bench/ws.ts: the real WebSocket route and in-process hub on Fastify,
// with a verifier that takes the token as the user id (identity is not what is measured here: its
// cost is paid once per connection). Driven over IPC by the parent.
const verify: AccessTokenVerifier = async (token) => ({
  userId: token,
  role: 'GUARDIAN',
  tokenId: token,
  expiresAt: Math.floor(Date.now() / 1000) + 3_600,
});

const hub = createLocalRealtime();
const app = Fastify({ logger: false });
await registerRealtimeRoute(app, { path: '/api/v1/ws', hub, verifyAccessToken: verify, clock: systemClock });
await app.listen({ port: 0, host: '127.0.0.1', backlog: 4_096 });

// CLOCK_MONOTONIC: one clock for every process on the host, so send and receive times compare.
const now = () => Number(process.hrtime.bigint()) / 1e6;

type Command = { cmd: 'publish'; users: number; round: number } | { cmd: 'stats' } | { cmd: 'stop' };

process.on('message', (message: Command) => {
  if (message.cmd === 'publish') {
    const startedAt = now();
    for (let i = 0; i < message.users; i++) {
      void hub.toUsers([`u${i}`], { type: 'notification', notification: { id: `n${i}`, type: 'BENCH', title: '', body: '', data: { round: message.round, sentAt: now() }, readAt: null, createdAt: '' } });
    }
    process.send?.({ published: message.users, ms: now() - startedAt });
  } else if (message.cmd === 'stats') {
    global.gc?.();
    process.send?.({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed, connections: hub.connectionCount() });
  } else {
    void app.close().then(() => process.exit(0));
  }
});
process.send?.({ port: (app.server.address() as { port: number }).port });
