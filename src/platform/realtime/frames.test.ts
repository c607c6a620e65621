import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { AuthFrame, ClientFrame, isLiveFrame, LiveFrame, matchesFrame } from './frames.ts';

// The browser checks frames with frames.ts's small guard instead of typebox's checker (bundle size):
// it must answer exactly as typebox does, for every frame shape and for the ways a frame can be wrong.

const notification = { id: 'n1', type: 'RESERVATION_CONFIRMED', title: 't', body: 'b', data: { reservationId: 'r1' }, readAt: null, createdAt: '2026-05-01T00:00:00.000Z' };

const chatMessage = { id: 'm1', roomId: 'r1', seq: 1, senderId: 'u1', text: '안녕하세요', language: 'ko', translations: {}, phraseId: null, createdAt: '2026-05-01T00:00:00.000Z', readAt: null };

const liveSamples: unknown[] = [
  { type: 'notification', notification },
  { type: 'notification', notification: { ...notification, readAt: '2026-05-01T01:00:00.000Z', data: {} } },
  { type: 'reservation.updated', reservation: { id: 'r1', status: 'ACCEPTED' } },
  { type: 'payment.updated', payment: { id: 'p1', reservationId: 'r1', status: 'PAID' } },
  { type: 'chat.message', message: chatMessage },
  { type: 'chat.message', message: { ...chatMessage, phraseId: 'thanks.plain', readAt: '2026-05-01T01:00:00.000Z', translations: { en: 'Thank you.' } } },
  { type: 'chat.ack', clientMessageId: 'c1', message: chatMessage },
  { type: 'chat.translation', roomId: 'r1', messageId: 'm1', language: 'en', text: 'hi' },
  { type: 'chat.read', roomId: 'r1', readerId: 'u2', upToMessageId: 'm1', upToSeq: 3, readAt: '2026-05-01T01:00:00.000Z' },
  { type: 'auth.ok', userId: 'u1', role: 'ADMIN', expiresAt: '2026-05-01T00:15:00.000Z' },
  { type: 'error', code: 'UNKNOWN_TYPE', message: 'no' },
  { type: 'pong' },
  { type: 'pong', extra: 1 },
  // malformed
  { type: 'notification', notification: { ...notification, data: 'x' } },
  { type: 'notification', notification: { ...notification, data: [] } },
  { type: 'notification', notification: { ...notification, readAt: undefined } },
  { type: 'notification', notification: { ...notification, title: 3 } },
  { type: 'notification' },
  { type: 'reservation.updated', reservation: { id: 'r1' } },
  { type: 'reservation.updated', reservation: null },
  { type: 'payment.updated', payment: { id: 'p1', status: 'PAID' } },
  { type: 'chat.translation', roomId: 'r1', messageId: 'm1', language: 'en' },
  { type: 'chat.message', message: { anything: true } },
  { type: 'chat.message', message: { ...chatMessage, seq: 1.5 } },
  { type: 'chat.message', message: { ...chatMessage, seq: '1' } },
  { type: 'chat.message', message: { ...chatMessage, translations: null } },
  { type: 'chat.message', message: { ...chatMessage, translations: { en: 3 } } },
  { type: 'chat.ack', message: chatMessage },
  { type: 'chat.read', roomId: 'r1', readerId: 'u2', upToMessageId: 'm1', readAt: '2026-05-01T01:00:00.000Z' },
  { type: 'auth.ok', userId: 'u1', role: 'ADMIN' },
  { type: 'error', code: 'X' },
  { type: 'ping' },
  { type: 'something.else' },
  { type: 3 },
  {},
  [],
  [{ type: 'pong' }],
  null,
  'pong',
  42,
];

const clientSamples: unknown[] = [
  { type: 'auth', token: 'abc' },
  { type: 'auth', token: '' },
  { type: 'auth', token: 5 },
  { type: 'auth' },
  { type: 'ping' },
  { type: 'ping', at: 1 },
  { type: 'pong' },
  { token: 'abc' },
  null,
  { type: 'chat.send', roomId: 'r1', text: 'hi', clientMessageId: 'c1' },
  { type: 'chat.send', roomId: 'r1', phraseId: 'thanks.plain', clientMessageId: 'c1' },
  { type: 'chat.send', roomId: 'r1', text: 'hi' },
  { type: 'chat.send', roomId: '', text: 'hi', clientMessageId: 'c1' },
  { type: 'chat.send', roomId: 'r1', text: 3, clientMessageId: 'c1' },
  { type: 'chat.read', roomId: 'r1', messageId: 'm1' },
  { type: 'chat.read', roomId: 'r1' },
];

describe('frame guard', () => {
  it('agrees with typebox on every frame a client receives', () => {
    for (const sample of liveSamples) expect([sample, isLiveFrame(sample)]).toEqual([sample, Value.Check(LiveFrame, sample)]);
    expect(liveSamples.filter(isLiveFrame)).toHaveLength(13);
  });

  it('agrees with typebox on the frames a client sends', () => {
    for (const sample of clientSamples) expect([sample, matchesFrame(ClientFrame, sample)]).toEqual([sample, Value.Check(ClientFrame, sample)]);
    expect(matchesFrame(AuthFrame, { type: 'auth', token: 'abc' })).toBe(true);
    expect(matchesFrame(AuthFrame, { type: 'auth', token: '' })).toBe(false);
  });

  it('knows every keyword the frame schemas use', () => {
    const known = new Set(['anyOf', 'const', 'type', 'properties', 'required', 'minLength', 'additionalProperties']);
    const used = new Set<string>();
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        used.add(key);
        if (key === 'properties') Object.values(value as object).forEach(walk);
        else if (key === 'anyOf') (value as unknown[]).forEach(walk);
        else if (key === 'additionalProperties') walk(value);
      }
    };
    walk(LiveFrame);
    walk(ClientFrame);
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });
});
