import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRealtime } from '../../src/platform/realtime/local-realtime.ts';
import type { ServerFrame } from '../../src/platform/realtime/realtime.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-server.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { acceptedBooking, approvedCaregiver, call, DAY, confirm, eventually, openPayment, problemOf, reservationOf, sandboxPay, type Booking } from '../payments/support.ts';
import { notificationsOf, setSlackId, slackDeliveries, waitForTypes } from './support.ts';

// Over HTTP with the whole app: a booking produces notifications in each reader's language, pushed as
// frames after commit, with Slack DMs (confirmed, cancelled) through the fake Slack; the read APIs.

describe('notifications over HTTP', () => {
  let slack: FakeSlack;
  let t: TestApp;
  let guardian: TestUser;
  let cg: { caregiver: TestUser; caregiverId: string };
  let admin: TestUser;
  const frames = new Map<string, ServerFrame[]>();

  beforeAll(async () => {
    slack = await startFakeSlack();
    t = await startTestApp({ env: { SLACK_BOT_TOKEN: slack.token, SLACK_API_URL: slack.url } });
    guardian = await t.signup('GUARDIAN', { preferredLanguage: 'en' });
    admin = await t.signup('ADMIN');
    cg = await approvedCaregiver(t);
    await setSlackId(t, guardian, 'U0GUARD01');
    await setSlackId(t, cg.caregiver, 'U0CARE001');
    const realtime = t.platform.realtime as Partial<LocalRealtime>;
    if (!realtime.subscribe) throw new Error('tests expect the in-process realtime hub');
    for (const [user, isAdmin] of [[guardian, false], [cg.caregiver, false], [admin, true]] as const) {
      frames.set(user.userId, []);
      realtime.subscribe(user.userId, isAdmin, (frame) => frames.get(user.userId)!.push(frame));
    }
  });
  afterAll(async () => {
    await t.close();
    await slack.close();
  });

  async function pay(booking: Booking): Promise<string> {
    const order = await openPayment(t, booking);
    const redirect = await sandboxPay(t, booking.guardian, order.orderId);
    expect((await confirm(t, booking.guardian, redirect)).statusCode).toBe(200);
    return order.id;
  }

  it('notifies each participant of a booking in their language, with Slack DMs for the confirmation', async () => {
    const booking = await acceptedBooking(t, { guardian, caregiver: cg });
    const paymentId = await pay(booking);

    const mine = await waitForTypes(t, guardian, ['RESERVATION_ACCEPTED', 'RESERVATION_CONFIRMED']);
    expect(mine.find((n) => n.type === 'RESERVATION_CONFIRMED')).toMatchObject({
      title: 'Booking confirmed',
      body: expect.stringContaining('is paid and confirmed'),
      data: { reservationId: booking.reservationId, paymentId },
      readAt: null,
    });
    const theirs = await waitForTypes(t, cg.caregiver, ['CAREGIVER_APPROVED', 'RESERVATION_REQUESTED', 'RESERVATION_CONFIRMED']);
    expect(theirs.find((n) => n.type === 'RESERVATION_REQUESTED')).toMatchObject({ title: '새 예약 요청', data: { reservationId: booking.reservationId } });
    expect(theirs.map((n) => n.createdAt)).toEqual([...theirs.map((n) => n.createdAt)].sort().reverse());

    // Slack: only the confirmation (not the request or acceptance), to both, in each one's language.
    await eventually(async () => {
      expect(slack.messages.map((m) => [m.user, m.text.split('\n')[0]])).toEqual(
        expect.arrayContaining([['U0GUARD01', '*Booking confirmed*'], ['U0CARE001', '*예약이 확정되었습니다*']]),
      );
    });
    expect(slack.messages).toHaveLength(2);
    expect(slack.requests.every((r) => r.token === slack.token)).toBe(true);

    // Frames: the stored notification after commit, the reservation feed to participants and admins.
    await eventually(async () => {
      const got = frames.get(guardian.userId)!;
      expect(got).toContainEqual({ type: 'notification', notification: expect.objectContaining({ type: 'RESERVATION_CONFIRMED', title: 'Booking confirmed' }) });
      expect(got).toContainEqual({ type: 'reservation.updated', reservation: { id: booking.reservationId, status: 'CONFIRMED' } });
      const feed = frames.get(admin.userId)!;
      expect(feed).toContainEqual({ type: 'reservation.updated', reservation: { id: booking.reservationId, status: 'REQUESTED' } });
      expect(feed).toContainEqual({ type: 'payment.updated', payment: expect.objectContaining({ id: paymentId, reservationId: booking.reservationId }) });
    });
  });

  it('keeps in-app notifications when Slack fails, and delivers the DM on a later attempt', async () => {
    const sentBefore = slack.messages.length;
    slack.failNext(10, { method: 'chat.postMessage', error: 'service_unavailable' });
    const booking = await acceptedBooking(t, { guardian, caregiver: cg, startsIn: 20 * DAY });
    await pay(booking);
    // The reservation is confirmed by the payment's event, after the request returned: cancelling before that would
    // cancel an unpaid booking (no confirmation DM at all) and leave one pending delivery instead of two.
    await eventually(async () => expect((await reservationOf(t, guardian, booking.reservationId)).status).toBe('CONFIRMED'));
    const cancel = await call(t, { method: 'POST', url: `/api/v1/reservations/${booking.reservationId}/cancel`, headers: guardian.auth, payload: { reason: '일정이 바뀌었습니다' } });
    expect(cancel.statusCode).toBe(200);

    const mine = await waitForTypes(t, guardian, ['RESERVATION_CANCELLED']);
    expect(mine.find((n) => n.type === 'RESERVATION_CANCELLED')).toMatchObject({ title: 'Booking cancelled', data: { reservationId: booking.reservationId, reason: '일정이 바뀌었습니다' } });
    await eventually(async () => {
      const pending = (await slackDeliveries(t, guardian.userId)).filter((d) => d.status === 'PENDING');
      expect(pending.length).toBeGreaterThanOrEqual(2); // confirmed and cancelled
      expect(pending.every((d) => d.attempts >= 1 && d.last_error?.includes('service_unavailable'))).toBe(true);
    });
    expect(slack.messages.length).toBe(sentBefore);

    slack.failNext(0);
    await t.modules.notifications.delivery.runOnce(new Date(Date.now() + 60 * 60_000));
    expect(slack.messages.slice(sentBefore).map((m) => [m.user, m.text.split('\n')[0]])).toEqual(
      expect.arrayContaining([['U0GUARD01', '*Booking confirmed*'], ['U0GUARD01', '*Booking cancelled*'], ['U0CARE001', '*예약이 취소되었습니다*']]),
    );
    expect((await slackDeliveries(t, guardian.userId)).every((d) => d.status === 'SENT')).toBe(true);
  });

  it('lists newest first with a cursor and an unread filter; reads one or all; 404 for others', async () => {
    const all = (await notificationsOf(t, guardian, '?limit=100')).items;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await notificationsOf(t, guardian, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(all.map((n) => n.id));

    const [first, second] = all;
    const read = await call(t, { method: 'POST', url: `/api/v1/notifications/${first!.id}/read`, headers: guardian.auth });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: first!.id, readAt: expect.stringMatching(/Z$/) });
    const again = await call(t, { method: 'POST', url: `/api/v1/notifications/${first!.id}/read`, headers: guardian.auth });
    expect(again.json().readAt).toBe(read.json().readAt);
    const unread = (await notificationsOf(t, guardian, '?unread=true&limit=100')).items.map((n) => n.id);
    expect(unread).not.toContain(first!.id);
    expect(unread).toContain(second!.id);

    for (const [user, id] of [[cg.caregiver, second!.id], [admin, second!.id], [guardian, '00000000-0000-7000-8000-000000000000'], [guardian, 'nope']] as const) {
      expect(problemOf(await call(t, { method: 'POST', url: `/api/v1/notifications/${id}/read`, headers: user.auth }))).toEqual({ status: 404, code: 'NOTIFICATION_NOT_FOUND' });
    }
    expect((await notificationsOf(t, guardian, '?unread=true&limit=100')).items.map((n) => n.id)).toContain(second!.id);

    const readAll = await call(t, { method: 'POST', url: '/api/v1/notifications/read-all', headers: guardian.auth });
    expect(readAll.json()).toEqual({ updated: unread.length });
    expect((await notificationsOf(t, guardian, '?unread=true')).items).toEqual([]);
    expect((await notificationsOf(t, cg.caregiver, '?unread=true')).items.length).toBeGreaterThan(0);
  });

  it('refuses bad input and anonymous callers', async () => {
    expect((await call(t, { method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    expect((await call(t, { method: 'POST', url: '/api/v1/notifications/read-all' })).statusCode).toBe(401);
    expect(problemOf(await call(t, { method: 'GET', url: '/api/v1/notifications?cursor=garbage', headers: guardian.auth })).status).toBe(400);
    expect(problemOf(await call(t, { method: 'GET', url: '/api/v1/notifications?limit=0', headers: guardian.auth })).status).toBe(400);
    expect(problemOf(await call(t, { method: 'GET', url: '/api/v1/notifications?other=1', headers: guardian.auth })).status).toBe(400);
  });
});
