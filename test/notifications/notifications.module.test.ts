import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleBatchOnce, handleOnce } from '../../src/platform/events/inbox.ts';
import { noEmit } from '../support/platform.ts';
import type { DomainEvent, EventConsumer } from '../../src/platform/events/event.ts';
import { newId } from '../../src/platform/ids.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-server.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { eventually } from '../payments/support.ts';
import { notificationsOf, setSlackId, slackDeliveries } from './support.ts';

// The notifications module on a real database (PGlite, and PostgreSQL when DATABASE_URL is set):
// events -> rows per recipient, idempotent; Slack deliveries through the outbox table and worker.

describe.each(databaseKinds())('notifications module on %s', (kind) => {
  let slack: FakeSlack;
  let t: TestApp;
  let guardian: TestUser;
  let caregiver: TestUser;
  let consumer: EventConsumer;

  beforeAll(async () => {
    slack = await startFakeSlack();
    t = await startTestApp({ kind, env: { SLACK_BOT_TOKEN: slack.token, SLACK_API_URL: slack.url } });
    guardian = await t.signup('GUARDIAN', { preferredLanguage: 'en' });
    caregiver = await t.signup('CAREGIVER', { preferredLanguage: 'ko' });
    const found = t.modules.notifications.consumers?.find((c) => c.name === 'notifications.record');
    if (!found) throw new Error('no notifications.record consumer');
    consumer = found;
  });
  afterAll(async () => {
    await t.close();
    await slack.close();
  });

  function confirmedEvent(): DomainEvent {
    const reservationId = newId();
    return {
      id: newId(),
      type: 'reservation.confirmed.v1',
      aggregateId: reservationId,
      occurredAt: new Date().toISOString(),
      payload: {
        reservationId,
        status: 'CONFIRMED',
        guardianId: guardian.userId,
        caregiverId: newId(),
        caregiverUserId: caregiver.userId,
        caregiverName: '김영희',
        startAt: '2026-12-01T00:00:00.000Z',
        endAt: '2026-12-02T00:00:00.000Z',
        totalAmount: 150_000,
        paymentId: newId(),
      },
    };
  }

  const countFor = async (eventId: string) =>
    (await t.platform.database.db.selectFrom('notifications.notifications').select('user_id').where('event_id', '=', eventId).execute()).length;

  it('writes one row per recipient, once, however often the event comes', async () => {
    const event = confirmedEvent();
    expect(await handleOnce(t.platform, consumer, event)).toBe('handled');
    expect(await handleOnce(t.platform, consumer, event)).toBe('duplicate');
    // Even past the inbox (e.g. a renamed consumer), UNIQUE (event_id, user_id) keeps one row each.
    await t.platform.database.db.transaction().execute((tx) => consumer.handle(event, tx, noEmit));
    expect(await countFor(event.id)).toBe(2);

    const mine = await notificationsOf(t, guardian);
    const row = mine.items.find((n) => n.data.reservationId === (event.payload as { reservationId: string }).reservationId);
    expect(row).toMatchObject({ type: 'RESERVATION_CONFIRMED', title: 'Booking confirmed', readAt: null });
    const theirs = await notificationsOf(t, caregiver);
    expect(theirs.items[0]).toMatchObject({ type: 'RESERVATION_CONFIRMED', title: '예약이 확정되었습니다' });
  });

  it('writes a batch of events in one go with the rows one by one would write, and a repeat as duplicates', async () => {
    const [first, second] = [confirmedEvent(), confirmedEvent()];
    const seen = await handleOnce(t.platform, consumer, first!); // the batch below then has one old event
    expect(seen).toBe('handled');
    const third = confirmedEvent();
    expect(await handleBatchOnce(t.platform, consumer, [first!, second!, third])).toEqual(['duplicate', 'handled', 'handled']);
    expect(await handleBatchOnce(t.platform, consumer, [second!, third])).toEqual(['duplicate', 'duplicate']);
    for (const e of [first!, second!, third]) expect(await countFor(e.id)).toBe(2);
    const theirs = await notificationsOf(t, caregiver);
    const ids = [second!, third].map((e) => (e.payload as { reservationId: string }).reservationId);
    expect(theirs.items.filter((n) => ids.includes(String(n.data.reservationId))).map((n) => n.title)).toEqual(['예약이 확정되었습니다', '예약이 확정되었습니다']);
  });

  it('sends Slack DMs to users with a Slack id, skips the others, outside the transaction', async () => {
    await setSlackId(t, guardian, 'U0GUARD01');
    const event = confirmedEvent();
    await handleOnce(t.platform, consumer, event);
    await eventually(async () => {
      await t.modules.notifications.delivery.runOnce();
      expect(slack.messages.filter((m) => m.user === 'U0GUARD01').map((m) => m.text)).toContainEqual(expect.stringContaining('Booking confirmed'));
    });
    const mine = await slackDeliveries(t, guardian.userId);
    expect(mine.at(-1)).toMatchObject({ status: 'SENT', attempts: 1 });
    const theirs = await slackDeliveries(t, caregiver.userId);
    expect(theirs.at(-1)).toMatchObject({ status: 'SKIPPED' });
  });

  it('retries a failed Slack send later with backoff, then gives up; the notification stays', async () => {
    const event = confirmedEvent();
    slack.failNext(1, { method: 'chat.postMessage', error: 'internal_error' });
    await handleOnce(t.platform, consumer, event);
    const failed = await eventually(async () => {
      await t.modules.notifications.delivery.runOnce();
      const last = (await slackDeliveries(t, guardian.userId)).at(-1);
      expect(last).toMatchObject({ status: 'PENDING', attempts: 1, last_error: expect.stringContaining('internal_error') });
      return last!;
    });
    expect(failed.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 5_000);
    expect(await countFor(event.id)).toBe(2);

    // Not due yet: nothing happens. Due: sent.
    expect((await t.modules.notifications.delivery.runOnce()).slackSent).toBe(0);
    expect((await t.modules.notifications.delivery.runOnce(new Date(Date.now() + 15_000))).slackSent).toBe(1);
    expect((await slackDeliveries(t, guardian.userId)).at(-1)).toMatchObject({ status: 'SENT', attempts: 2 });

    // Slack down for good: FAILED after the last attempt, no more tries.
    slack.failNext(100, { method: 'conversations.open', error: 'fatal_error' });
    await handleOnce(t.platform, consumer, confirmedEvent());
    let at = Date.now();
    for (let i = 0; i < 8; i++) {
      await t.modules.notifications.delivery.runOnce(new Date(at));
      at += 60 * 60_000;
    }
    slack.failNext(0);
    expect((await slackDeliveries(t, guardian.userId)).at(-1)).toMatchObject({ status: 'FAILED', attempts: 6 });
  });

  it('turns refunds, caregiver reviews and received reviews into notifications for the right user', async () => {
    const other = await t.signup('CAREGIVER', { preferredLanguage: 'ja' });
    const event = (type: string, payload: Record<string, unknown>): DomainEvent => ({ id: newId(), type, aggregateId: newId(), occurredAt: new Date().toISOString(), payload });
    await handleOnce(t.platform, consumer, event('payment.refunded.v1', { paymentId: 'p1', reservationId: 'r1', guardianId: guardian.userId, amount: 30_000, balanceAmount: 0, reason: 'x' }));
    await handleOnce(t.platform, consumer, event('caregiver.rejected.v1', { caregiverId: 'c1', userId: other.userId, displayName: 'x', reason: '서류 미비' }));
    await handleOnce(t.platform, consumer, event('review.created.v1', { reviewId: 'v1', reservationId: 'r1', caregiverId: 'c1', caregiverUserId: other.userId, guardianId: guardian.userId, rating: 5, stats: { reviewCount: 1, ratingSum: 5, version: 1 } }));
    expect((await notificationsOf(t, guardian)).items[0]).toMatchObject({ type: 'REFUND_COMPLETED', title: 'Refund completed', body: 'KRW 30,000 has been refunded.' });
    // Japanese is not written: English.
    expect((await notificationsOf(t, other)).items.map((n) => [n.type, n.title]).sort()).toEqual([
      ['CAREGIVER_REJECTED', 'Profile rejected'],
      ['REVIEW_RECEIVED', 'New review'],
    ]);
    // Neither type goes to Slack by default.
    expect(await slackDeliveries(t, other.userId)).toEqual([]);

    // A withdrawn account keeps no notifications.
    const consumerOf = t.modules.notifications.consumers?.find((c) => c.name === 'notifications.user-withdrawn');
    await handleOnce(t.platform, consumerOf!, event('user.withdrawn.v1', { userId: other.userId, role: 'CAREGIVER' }));
    expect((await notificationsOf(t, other)).items).toEqual([]);
  });
});
