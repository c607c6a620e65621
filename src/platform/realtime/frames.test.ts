import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { AuthFrame, ClientFrame, isLiveFrame, LiveFrame, matchesFrame } from './frames.ts';

// The browser checks frames with frames.ts's small guard instead of typebox's checker (bundle size):
// it must answer exactly as typebox does, for every frame shape and for the ways a frame can be wrong.

const notification = { id: 'n1', type: 'RESERVATION_CONFIRMED', title: 't', body: 'b', data: { reservationId: 'r1' }, readAt: null, createdAt: '2026-05-01T00:00:00.000Z' };

const liveSamples: unknown[] = [
  { type: 'notification', notification },
  { type: 'notification', notification: { ...notification, readAt: '2026-05-01T01:00:00.000Z', data: {} } },
  { type: 'reservation.updated', reservation: { id: 'r1', status: 'ACCEPTED' } },
  { type: 'payment.updated', payment: { id: 'p1', reservationId: 'r1', status: 'PAID' } },
  { type: 'chat.message', message: { anything: true } },
  { type: 'chat.translation', messageId: 'm1', language: 'en', text: 'hi' },
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
  { type: 'chat.translation', messageId: 'm1', language: 'en' },
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
];

describe('frame guard', () => {
  it('agrees with typebox on every frame a client receives', () => {
    for (const sample of liveSamples) expect([sample, isLiveFrame(sample)]).toEqual([sample, Value.Check(LiveFrame, sample)]);
    expect(liveSamples.filter(isLiveFrame)).toHaveLength(10);
  });

  it('agrees with typebox on the frames a client sends', () => {
    for (const sample of clientSamples) expect([sample, matchesFrame(ClientFrame, sample)]).toEqual([sample, Value.Check(ClientFrame, sample)]);
    expect(matchesFrame(AuthFrame, { type: 'auth', token: 'abc' })).toBe(true);
    expect(matchesFrame(AuthFrame, { type: 'auth', token: '' })).toBe(false);
  });

  it('knows every keyword the frame schemas use', () => {
    const known = new Set(['anyOf', 'const', 'type', 'properties', 'required', 'minLength']);
    const used = new Set<string>();
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        used.add(key);
        if (key === 'properties') Object.values(value as object).forEach(walk);
        else if (key === 'anyOf') (value as unknown[]).forEach(walk);
      }
    };
    walk(LiveFrame);
    walk(ClientFrame);
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });
});
