import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHDRAWN_TEXT } from '../../src/modules/chat/domain/message.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { eventually } from '../payments/support.ts';
import { approvedCaregiver, requests, type BookingCaregiver } from '../reservations/http-support.ts';
import { nothingWithin, socketsOf, wsUrl, type TestSocket } from '../realtime/client.ts';
import { notificationsOf } from '../notifications/support.ts';

// The chat routes and the chat frames of /ws through the whole app.

let t: TestApp;
let url: string;
let api: ReturnType<typeof requests>;
const sockets = socketsOf(() => url);
const connect = (user: TestUser): Promise<TestSocket> => sockets.connect(user);

beforeAll(async () => {
  t = await startTestApp({ env: { CHAT_NOTIFY_INTERVAL: '5m' } });
  url = wsUrl(await t.app.listen({ port: 0, host: '127.0.0.1' }));
  api = requests(t);
});
afterAll(async () => {
  sockets.closeAll();
  await t?.close();
});

async function pair(): Promise<{ guardian: TestUser; caregiver: BookingCaregiver; roomId: string }> {
  const [guardian, caregiver] = await Promise.all([t.signup('GUARDIAN', { preferredLanguage: 'ko', name: '김보호' }), approvedCaregiver(t)]);
  const res = await api.post('/chat/rooms', guardian, { caregiverId: caregiver.caregiverId });
  expect(res.statusCode).toBe(201);
  return { guardian, caregiver, roomId: res.json().id };
}

describe('rooms and messages over HTTP', () => {
  it('opens a room once (201, then 200 with the same id); only guardians, only approved caregivers', async () => {
    const { guardian, caregiver, roomId } = await pair();
    const again = await api.post('/chat/rooms', guardian, { caregiverId: caregiver.caregiverId });
    expect([again.statusCode, again.json().id]).toEqual([200, roomId]);
    expect((await api.post('/chat/rooms', caregiver, { caregiverId: caregiver.caregiverId })).statusCode).toBe(403);
    expect((await api.post('/chat/rooms', guardian, { caregiverId: '0190a000-0000-7000-8000-000000000000' })).json().code).toBe('CAREGIVER_NOT_FOUND');
    expect((await api.post('/chat/rooms', guardian, { caregiverId: caregiver.caregiverId, extra: 1 })).statusCode).toBe(400);
    const rooms = await api.get('/chat/rooms', caregiver);
    expect(rooms.json().items.map((r: { id: string }) => r.id)).toEqual([roomId]);
  });

  it('sends, replays a clientMessageId, validates, and hides the room from everyone else', async () => {
    const { guardian, caregiver, roomId } = await pair();
    const sent = await api.post(`/chat/rooms/${roomId}/messages`, guardian, { text: '안녕하세요', clientMessageId: 'k1' });
    expect(sent.statusCode).toBe(201);
    const replay = await api.post(`/chat/rooms/${roomId}/messages`, guardian, { text: '안녕하세요', clientMessageId: 'k1' });
    expect([replay.statusCode, replay.headers['idempotent-replayed'], replay.json().id]).toEqual([201, 'true', sent.json().id]);
    for (const body of [{ text: '' }, { text: 'x'.repeat(2_001) }, { text: 'a\u0007' }, { text: 'hi', unknown: 1 }, { text: 'hi', clientMessageId: '' }]) {
      const res = await api.post(`/chat/rooms/${roomId}/messages`, guardian, body);
      expect([res.statusCode, res.headers['content-type']], JSON.stringify(body).slice(0, 30)).toEqual([400, 'application/problem+json; charset=utf-8']);
    }
    const [stranger, admin] = await Promise.all([t.signup('GUARDIAN'), t.signup('ADMIN')]);
    for (const user of [stranger, admin]) {
      expect((await api.get(`/chat/rooms/${roomId}/messages`, user)).statusCode).toBe(404);
      expect((await api.post(`/chat/rooms/${roomId}/messages`, user, { text: 'hi' })).statusCode).toBe(404);
      expect((await api.post(`/chat/rooms/${roomId}/read`, user, { messageId: sent.json().id })).statusCode).toBe(404);
    }
    const history = await api.get(`/chat/rooms/${roomId}/messages?limit=10`, caregiver);
    expect(history.json()).toMatchObject({ items: [{ id: sent.json().id, seq: 1, text: '안녕하세요', language: 'ko', readAt: null }], nextCursor: null });
    const read = await api.post(`/chat/rooms/${roomId}/read`, caregiver, { messageId: sent.json().id });
    expect(read.json()).toMatchObject({ marked: 1, unreadCount: 0, upToSeq: 1 });
    expect((await api.get(`/chat/rooms/${roomId}/messages`, guardian)).json().items[0].readAt).toBe(read.json().readAt);
  });

  it('lists phrases and keeps per-user settings', async () => {
    const user = await t.signup('CAREGIVER');
    const phrases = await api.get('/chat/phrases', user);
    expect(phrases.json().items.length).toBeGreaterThanOrEqual(20);
    expect((await api.get('/chat/settings', user)).json()).toEqual({ translation: true, translationProvider: null });
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/chat/settings', headers: user.auth, payload: { translation: false } });
    expect(put.json()).toEqual({ translation: false, translationProvider: null });
    expect((await api.get('/chat/settings', user)).json().translation).toBe(false);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/chat/settings', headers: user.auth, payload: { translation: 'no' } })).statusCode).toBe(400);
  });

  it('lets an admin read a room only with a reason, and audits it', async () => {
    const { guardian, roomId } = await pair();
    await api.post(`/chat/rooms/${roomId}/messages`, guardian, { text: '분쟁 관련 메시지' });
    const admin = await t.signup('ADMIN');
    expect((await api.get(`/admin/chat/rooms/${roomId}/messages`, admin)).statusCode).toBe(400);
    expect((await api.get(`/admin/chat/rooms/${roomId}/messages?reason=short`, admin)).statusCode).toBe(400);
    expect((await api.get(`/admin/chat/rooms/${roomId}/messages?reason=${encodeURIComponent('dispute #42 about a refund')}`, guardian)).statusCode).toBe(403);
    const res = await api.get(`/admin/chat/rooms/${roomId}/messages?reason=${encodeURIComponent('dispute #42 about a refund')}`, admin);
    expect(res.json().items.map((m: { text: string }) => m.text)).toEqual(['분쟁 관련 메시지']);
    const audit = await t.platform.database.db.selectFrom('platform.audit_log').selectAll().where('resource_id', '=', roomId).execute();
    expect(audit).toMatchObject([{ action: 'chat.room.read', actor_id: admin.userId, details: { reason: 'dispute #42 about a refund' } }]);
  });
});

describe('chat frames over /ws', () => {
  it('acks chat.send, delivers chat.message to both participants once, and answers outsiders with an error frame', async () => {
    const { guardian, caregiver, roomId } = await pair();
    const stranger = await t.signup('CAREGIVER');
    const [g, g2, c, s] = await Promise.all([connect(guardian), connect(guardian), connect(caregiver), connect(stranger)]);
    g.send({ type: 'chat.send', roomId, text: '지금 가고 있어요', clientMessageId: 'w1' });
    const ack = await g.next((f) => f.type === 'chat.ack');
    const message = ack.message as { id: string; seq: number };
    expect(ack).toMatchObject({ clientMessageId: 'w1', message: { roomId, text: '지금 가고 있어요', senderId: guardian.userId } });
    for (const socket of [g, g2, c]) expect(await socket.next((f) => f.type === 'chat.message')).toEqual({ type: 'chat.message', message });
    // A resend after a lost ack: the same message, nothing new delivered.
    g.send({ type: 'chat.send', roomId, text: '지금 가고 있어요', clientMessageId: 'w1' });
    await g.next((f) => f.type === 'chat.ack' && g.frames.filter((x) => x.type === 'chat.ack').length === 2);
    expect(g.frames.filter((f) => f.type === 'chat.ack').map((f) => (f.message as { id: string }).id)).toEqual([message.id, message.id]);
    s.send({ type: 'chat.send', roomId, text: 'let me in', clientMessageId: 'x1' });
    expect(await s.next((f) => f.type === 'error')).toMatchObject({ code: 'ROOM_NOT_FOUND' });
    s.send({ type: 'chat.send', roomId, text: 'no id' });
    expect(await s.next((f) => f.type === 'error' && f.code === 'INVALID_FRAME')).toBeTruthy();
    expect(await nothingWithin(c, (f) => f.type === 'chat.message' && (f.message as { id: string }).id !== message.id)).toBe(true);
    expect(c.frames.filter((f) => f.type === 'chat.message')).toHaveLength(1);
    // chat.read from the caregiver: the guardian learns it.
    c.send({ type: 'chat.read', roomId, messageId: message.id });
    expect(await g.next((f) => f.type === 'chat.read')).toMatchObject({ roomId, readerId: caregiver.userId, upToMessageId: message.id, upToSeq: 1 });
  });

  it('keeps a client\'s sends in order on one socket', async () => {
    const { guardian, roomId } = await pair();
    const g = await connect(guardian);
    for (let i = 1; i <= 10; i++) g.send({ type: 'chat.send', roomId, text: `line ${i}`, clientMessageId: `o${i}` });
    await g.next((f) => f.type === 'chat.ack' && f.clientMessageId === 'o10');
    const acks = g.frames.filter((f) => f.type === 'chat.ack').map((f) => [(f.message as { seq: number }).seq, (f.message as { text: string }).text]);
    expect(acks).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1, `line ${i + 1}`]));
  });
});

describe('notifications and withdrawal', () => {
  it('notifies an offline participant once per room per interval, and an online one not at all', async () => {
    const { guardian, caregiver, roomId } = await pair();
    await api.post(`/chat/rooms/${roomId}/messages`, guardian, { text: '첫 번째 메시지입니다' });
    await api.post(`/chat/rooms/${roomId}/messages`, guardian, { text: '두 번째' });
    const items = await eventually(async () => {
      await t.settle();
      const { items } = await notificationsOf(t, caregiver);
      expect(items.filter((n) => n.type === 'CHAT_MESSAGE')).toHaveLength(1);
      return items;
    });
    expect(items[0]).toMatchObject({ type: 'CHAT_MESSAGE', data: { roomId, senderName: '김보호', excerpt: '첫 번째 메시지입니다' } });
    await t.settle();
    expect((await notificationsOf(t, caregiver)).items.filter((n) => n.type === 'CHAT_MESSAGE')).toHaveLength(1);
    // The guardian is online: the caregiver's reply notifies nobody.
    await connect(guardian);
    await api.post(`/chat/rooms/${roomId}/messages`, caregiver, { text: '好的' });
    await t.settle();
    expect((await notificationsOf(t, guardian)).items.filter((n) => n.type === 'CHAT_MESSAGE')).toHaveLength(0);
  });

  it("anonymises a withdrawn guardian's messages", async () => {
    const { guardian, caregiver, roomId } = await pair();
    await api.post(`/chat/rooms/${roomId}/messages`, guardian, { text: '비밀 이야기' });
    expect((await api.del('/users/me', guardian)).statusCode).toBe(204);
    await eventually(async () => {
      await t.settle();
      const res = await api.get(`/chat/rooms/${roomId}/messages`, caregiver);
      expect(res.json().items.map((m: { text: string }) => m.text)).toEqual([WITHDRAWN_TEXT]);
    });
  });
});
