import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { serviceUrl } from '../support/services.ts';
import { Redis } from 'ioredis';
import { createLocalRealtime } from '../../src/platform/realtime/local-realtime.ts';
import { createRedisRealtime, DEFAULT_REALTIME_CHANNEL } from '../../src/platform/realtime/redis-realtime.ts';
import { notificationFrame, nothingWithin, openAuthenticated, wsUrl, type TestSocket } from './client.ts';

// Two app instances sharing Redis: a frame published on one reaches connections held by the other.
const redisUrl = serviceUrl('REDIS_URL');

describe.skipIf(!redisUrl)('cross-replica delivery through Redis pub/sub', () => {
  let a: TestApp;
  let b: TestApp;
  let urlB: string;
  let userOnB: TestUser;
  let adminOnB: TestUser;
  let otherOnB: TestUser;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp({ env: { REDIS_URL: redisUrl! } }), startTestApp({ env: { REDIS_URL: redisUrl! } })]);
    urlB = wsUrl(await b.app.listen({ port: 0, host: '127.0.0.1' }));
    [userOnB, adminOnB, otherOnB] = await Promise.all([b.signup('GUARDIAN'), b.signup('ADMIN'), b.signup('CAREGIVER')]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.ws.terminate();
    await a?.close();
    await b?.close();
  });

  async function connect(user: TestUser): Promise<TestSocket> {
    const socket = await openAuthenticated(urlB, user.accessToken);
    sockets.push(socket);
    return socket;
  }

  it('delivers a user frame published on A to the user connected to B, and to nobody else', async () => {
    const [user, other] = await Promise.all([connect(userOnB), connect(otherOnB)]);
    const id = randomUUID();
    await a.platform.realtime.toUsers([userOnB.userId], notificationFrame(id));
    const isIt = (f: Record<string, unknown>) => f.type === 'notification' && (f.notification as { id?: string }).id === id;
    expect(await user.next(isIt)).toEqual(notificationFrame(id));
    expect(await nothingWithin(other, isIt)).toBe(true);
  });

  it('delivers the admin feed published on A to admins connected to B', async () => {
    const [adminSocket, user] = await Promise.all([connect(adminOnB), connect(userOnB)]);
    const id = randomUUID();
    await a.platform.realtime.toAdmins({ type: 'payment.updated', payment: { id, reservationId: randomUUID(), status: 'PAID' } });
    const isIt = (f: Record<string, unknown>) => f.type === 'payment.updated' && (f.payment as { id?: string }).id === id;
    expect(await adminSocket.next(isIt)).toMatchObject({ type: 'payment.updated', payment: { id, status: 'PAID' } });
    expect(await nothingWithin(user, isIt)).toBe(true);
  });

  it('delivers a frame published on B to B\'s own connections once', async () => {
    const user = await connect(userOnB);
    const id = randomUUID();
    await b.platform.realtime.toUsers([userOnB.userId], notificationFrame(id));
    const isIt = (f: Record<string, unknown>) => f.type === 'notification' && (f.notification as { id?: string }).id === id;
    await user.next(isIt);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(user.frames.filter(isIt)).toHaveLength(1);
  });

  it('ignores malformed messages on the channel and goes on delivering', async () => {
    const user = await connect(userOnB);
    const raw = new Redis(redisUrl!);
    try {
      await raw.publish(DEFAULT_REALTIME_CHANNEL, 'not json');
      await raw.publish(DEFAULT_REALTIME_CHANNEL, JSON.stringify({ o: 'x', t: { userIds: 'nope' }, f: {} }));
    } finally {
      raw.disconnect();
    }
    const id = randomUUID();
    await a.platform.realtime.toUsers([userOnB.userId], notificationFrame(id));
    expect(await user.next((f) => (f.notification as { id?: string } | undefined)?.id === id)).toBeDefined();
  });
});

describe('an unreachable Redis', () => {
  it('rejects ready, and publishing still reaches this replica\'s connections without throwing', async () => {
    const local = createLocalRealtime();
    const frames: unknown[] = [];
    local.subscribe('u1', false, (frame) => frames.push(frame));
    const realtime = createRedisRealtime('redis://127.0.0.1:1', local);
    await expect(realtime.ready).rejects.toThrow();
    await realtime.toUsers(['u1'], notificationFrame('n1'));
    expect(frames).toEqual([notificationFrame('n1')]);
    await realtime.close();
  });
});
