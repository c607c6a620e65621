import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { localRealtimeOf } from '../../src/platform/realtime/local-realtime.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { notificationFrame, nothingWithin, openSocket, socketsOf, wsUrl, type TestSocket } from './client.ts';

// GET (upgrade) /api/v1/ws on the whole app: the auth frame with real access tokens, bad input, and
// frames published through platform.realtime reaching exactly their recipients.
let t: TestApp;
let url: string;
let guardian: TestUser;
let caregiver: TestUser;
let admin: TestUser;
const sockets = socketsOf(() => url);
const connect = (user: TestUser): Promise<TestSocket> => sockets.connect(user);

beforeAll(async () => {
  t = await startTestApp();
  url = wsUrl(await t.app.listen({ port: 0, host: '127.0.0.1' }));
  [guardian, caregiver, admin] = await Promise.all([t.signup('GUARDIAN'), t.signup('CAREGIVER'), t.signup('ADMIN')]);
});
afterAll(async () => {
  sockets.closeAll();
  await t?.close();
});

describe('authentication', () => {
  it('accepts a valid access token in the first frame and answers auth.ok', async () => {
    const socket = await openSocket(url);
    sockets.track(socket);
    socket.send({ type: 'auth', token: guardian.accessToken });
    const ok = await socket.next((frame) => frame.type === 'auth.ok');
    expect(ok).toMatchObject({ type: 'auth.ok', userId: guardian.userId, role: 'GUARDIAN' });
  });

  it('closes 4401 when no auth frame comes within 5 s', async () => {
    const socket = await openSocket(url);
    const started = Date.now();
    const { code } = await socket.closed;
    expect(code).toBe(4401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
  }, 15_000);

  it('closes 4401 on a bad token', async () => {
    const socket = await openSocket(url);
    socket.send({ type: 'auth', token: 'not-a-token' });
    expect((await socket.closed).code).toBe(4401);
  });

  it('closes 4401 on a logged-out token', async () => {
    const user = await t.signup('GUARDIAN');
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: user.auth });
    expect(logout.statusCode).toBe(204);
    const socket = await openSocket(url);
    socket.send({ type: 'auth', token: user.accessToken });
    expect((await socket.closed).code).toBe(4401);
  });

  it('closes 4401 when the first frame is something else, after an error frame', async () => {
    const socket = await openSocket(url);
    socket.send({ type: 'ping' });
    expect(await socket.next((frame) => frame.type === 'error')).toMatchObject({ code: 'AUTHENTICATION_REQUIRED' });
    expect((await socket.closed).code).toBe(4401);
  });

  it('answers a plain GET without upgrade with 426', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/ws' });
    expect(res.statusCode).toBe(426);
    expect(res.json()).toMatchObject({ code: 'UPGRADE_REQUIRED' });
  });
});

describe('bad input after authentication', () => {
  it('answers non-JSON, non-objects, unknown types and refused module frames with error frames, and stays open', async () => {
    const socket = await connect(guardian);
    socket.send('{not json');
    expect(await socket.next((f) => f.type === 'error' && f.code === 'INVALID_JSON')).toBeDefined();
    socket.send('[1,2]');
    expect(await socket.next((f) => f.type === 'error' && f.code === 'INVALID_FRAME')).toBeDefined();
    socket.send({ type: 'launch.missiles' });
    expect(await socket.next((f) => f.type === 'error' && f.code === 'UNKNOWN_TYPE')).toBeDefined();
    // A module's frame (chat) off its schema, then one its module refuses (no such room).
    socket.send({ type: 'chat.send', roomId: randomUUID(), text: 'hi' });
    expect(await socket.next((f) => f.type === 'error' && f.code === 'INVALID_FRAME')).toBeDefined();
    socket.send({ type: 'chat.send', roomId: randomUUID(), text: 'hi', clientMessageId: 'c1' });
    expect(await socket.next((f) => f.type === 'error' && f.code === 'ROOM_NOT_FOUND')).toBeDefined();
    socket.send({ type: 'ping' });
    expect(await socket.next((f) => f.type === 'pong')).toBeDefined();
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
  });

  it('closes 1008 after repeated bad frames', async () => {
    const socket = await connect(guardian);
    for (let i = 0; i < 12; i++) socket.send('garbage');
    expect((await socket.closed).code).toBe(1008);
  });

  it('closes 1009 on a frame over 64 KB, and the server goes on', async () => {
    const socket = await connect(guardian);
    socket.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(70 * 1024) }));
    expect((await socket.closed).code).toBe(1009);
    const other = await connect(guardian);
    other.send({ type: 'ping' });
    expect(await other.next((f) => f.type === 'pong')).toBeDefined();
  });
});

describe('delivery through platform.realtime', () => {
  it('toUsers reaches every connection of the user and nobody else', async () => {
    const [mine, mineToo, theirs, adminSocket] = await Promise.all([connect(guardian), connect(guardian), connect(caregiver), connect(admin)]);
    const id = randomUUID();
    await t.platform.realtime.toUsers([guardian.userId], notificationFrame(id));
    const isIt = (f: Record<string, unknown>) => f.type === 'notification' && (f.notification as { id?: string }).id === id;
    expect(await mine.next(isIt)).toEqual(notificationFrame(id));
    expect(await mineToo.next(isIt)).toBeDefined();
    expect(await nothingWithin(theirs, isIt)).toBe(true);
    expect(await nothingWithin(adminSocket, isIt)).toBe(true);
  });

  it('toAdmins reaches admins only', async () => {
    const [adminSocket, guardianSocket] = await Promise.all([connect(admin), connect(guardian)]);
    const id = randomUUID();
    await t.platform.realtime.toAdmins({ type: 'reservation.updated', reservation: { id, status: 'CONFIRMED' } });
    const isIt = (f: Record<string, unknown>) => f.type === 'reservation.updated' && (f.reservation as { id?: string }).id === id;
    expect(await adminSocket.next(isIt)).toEqual({ type: 'reservation.updated', reservation: { id, status: 'CONFIRMED' } });
    expect(await nothingWithin(guardianSocket, isIt)).toBe(true);
  });

  it('unregisters a closed connection from the hub', async () => {
    const hub = localRealtimeOf(t.platform.realtime)!;
    const before = hub.connectionCount();
    const socket = await connect(caregiver);
    expect(hub.connectionCount()).toBe(before + 1);
    socket.ws.close();
    await socket.closed;
    await expect.poll(() => hub.connectionCount()).toBe(before);
    await t.platform.realtime.toUsers([caregiver.userId], notificationFrame(randomUUID()));
  });
});
