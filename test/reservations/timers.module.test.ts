import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { databaseKinds } from '../support/database.ts';
import { actor, at, bookingInput, D, H, openReservationsModule, type Harness } from './support.ts';

describe.each(databaseKinds())('reservation timers on %s', (kind) => {
  let h: Harness;
  let caregiver: ReturnType<Harness['caregiver']>;
  beforeEach(async () => {
    h = await openReservationsModule(kind, { settings: { timerBatchSize: 4 } });
    caregiver = h.caregiver();
  });
  afterEach(async () => {
    await h.close();
  });

  const book = (start: number, hours = 8, who = caregiver) =>
    h.useCases.createReservation(newId(), bookingInput(who.id, { startAt: at(start), endAt: at(start + hours * H) }));
  const status = async (id: string) => (await h.useCases.getReservation(actor('ADMIN'), id)).status;
  const events = async (type: string) => (await h.outbox()).filter((e) => e.type === type);

  it('expires an unanswered request after the request TTL, or at its start when that is sooner, once', async () => {
    const later = await book(2 * D);
    const soon = await book(5 * H);
    h.clock.set(at(5 * H - 1));
    expect(await h.module.timers.runOnce()).toEqual({ expired: 0, completed: 0, reminders: 0 });
    h.clock.set(at(5 * H));
    expect((await h.module.timers.runOnce()).expired).toBe(1);
    expect([await status(soon.id), await status(later.id)]).toEqual(['EXPIRED', 'REQUESTED']);
    h.clock.set(at(D));
    expect((await h.module.timers.runOnce()).expired).toBe(1);
    expect(await h.module.timers.runOnce()).toEqual({ expired: 0, completed: 0, reminders: 0 });
    const expired = await events('reservation.expired.v1');
    expect(expired.map((e) => [e.aggregate_id, e.payload.previousStatus, e.payload.status])).toEqual([
      [soon.id, 'REQUESTED', 'EXPIRED'],
      [later.id, 'REQUESTED', 'EXPIRED'],
    ]);
  });

  it('expires an accepted, unpaid reservation after the payment TTL, or at its start', async () => {
    const r = await book(3 * D);
    h.clock.set(at(2 * H));
    await h.useCases.acceptReservation(caregiver.actor, r.id);
    h.clock.set(at(2 * H + D - 1));
    await h.module.timers.runOnce();
    expect(await status(r.id)).toBe('ACCEPTED');
    h.clock.set(at(2 * H + D));
    expect((await h.module.timers.runOnce()).expired).toBe(1);
    expect(await status(r.id)).toBe('EXPIRED');
    expect((await events('reservation.expired.v1'))[0]!.payload.previousStatus).toBe('ACCEPTED');
    // Now the caregiver's time is free again, and a payment arriving late is refused.
    await book(3 * D);
    await h.pay(r);
    expect((await h.outbox()).at(-1)).toMatchObject({ type: 'reservation.payment_refused.v1', payload: { status: 'EXPIRED' } });
  });

  it('completes CONFIRMED and IN_PROGRESS reservations nobody checked out of, 6 h after the end', async () => {
    const confirmed = await book(2 * D);
    const inProgress = await book(2 * D + 10 * H);
    for (const r of [confirmed, inProgress]) {
      await h.useCases.acceptReservation(caregiver.actor, r.id);
      await h.pay(r);
    }
    h.clock.set(at(2 * D + 10 * H));
    await h.useCases.checkIn(caregiver.actor, inProgress.id);
    h.clock.set(at(2 * D + 8 * H + 6 * H - 1));
    expect((await h.module.timers.runOnce()).completed).toBe(0);
    h.clock.set(at(2 * D + 8 * H + 6 * H));
    expect((await h.module.timers.runOnce()).completed).toBe(1);
    h.clock.set(at(2 * D + 18 * H + 6 * H));
    expect((await h.module.timers.runOnce()).completed).toBe(1);
    expect([await status(confirmed.id), await status(inProgress.id)]).toEqual(['COMPLETED', 'COMPLETED']);
    const completed = await events('reservation.completed.v1');
    expect(completed.map((e) => [e.aggregate_id, e.payload.automatic, e.payload.completedAt])).toEqual([
      [confirmed.id, true, at(2 * D + 14 * H)],
      [inProgress.id, true, at(2 * D + 24 * H)],
    ]);
  });

  it('reminds 24 h and 1 h before the start of a CONFIRMED reservation, each once', async () => {
    const r = await book(3 * D);
    const unpaid = await book(4 * D);
    await h.useCases.acceptReservation(caregiver.actor, r.id);
    await h.pay(r);
    for (const [clock, sent] of [[2 * D - 1, 0], [2 * D, 1], [2 * D + H, 0], [3 * D - H - 1, 0], [3 * D - H, 1], [3 * D - 1, 0], [3 * D + H, 0]] as const) {
      h.clock.set(at(clock));
      expect((await h.module.timers.runOnce()).reminders, `at +${clock / H} h`).toBe(sent);
    }
    const reminders = await events('reservation.reminder.v1');
    expect(reminders.map((e) => [e.aggregate_id, e.payload.hoursBefore, e.payload.status])).toEqual([
      [r.id, 24, 'CONFIRMED'],
      [r.id, 1, 'CONFIRMED'],
    ]);
    expect(reminders.some((e) => e.aggregate_id === unpaid.id)).toBe(false);
  });

  it('sends only the 1 h reminder when confirmed less than an hour before the start', async () => {
    const r = await book(3 * H);
    await h.useCases.acceptReservation(caregiver.actor, r.id);
    await h.pay(r);
    h.clock.set(at(2 * H + 30 * 60_000));
    expect((await h.module.timers.runOnce()).reminders).toBe(1);
    expect((await h.module.timers.runOnce()).reminders).toBe(0);
    expect((await events('reservation.reminder.v1')).map((e) => e.payload.hoursBefore)).toEqual([1]);
  });

  it('hands each due row to exactly one of several replicas (FOR UPDATE SKIP LOCKED), in batches', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const other = h.caregiver();
      for (let j = 0; j < 3; j++) ids.push((await book(2 * D + j * 10 * H, 8, other)).id);
    }
    const replica = await openReservationsModule(kind, { database: h.platform.database, settings: { timerBatchSize: 4 } });
    try {
      h.clock.set(at(D));
      replica.clock.set(at(D));
      const runs = await Promise.all([h.module.timers.runOnce(), replica.module.timers.runOnce(), h.module.timers.runOnce()]);
      expect(runs.reduce((sum, run) => sum + run.expired, 0)).toBe(15);
      const expired = await events('reservation.expired.v1');
      expect(expired.map((e) => e.aggregate_id).sort()).toEqual([...ids].sort());
    } finally {
      await replica.close();
    }
  });

  it('runs on its own as a worker, and stops cleanly', async () => {
    const fast = await openReservationsModule(kind, { database: h.platform.database, settings: { timerIntervalMs: 10 } });
    try {
      const r = await book(2 * D);
      fast.clock.set(at(D));
      fast.module.timers.start();
      for (let i = 0; i < 200 && (await status(r.id)) !== 'EXPIRED'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      await fast.module.timers.stop();
      expect(await status(r.id)).toBe('EXPIRED');
      expect(fast.relayWakes()).toBeGreaterThan(0);
    } finally {
      await fast.module.timers.stop();
      await fast.close();
    }
  });
});
