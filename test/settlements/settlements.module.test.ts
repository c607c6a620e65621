import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/access.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { caregiverRef, completedReservation, counts, DAY, HOUR, ledger } from './support.ts';

// The settlements module on a real database (PGlite, and PostgreSQL when DATABASE_URL is set): the ledger fed
// by events in any order, runs (at most once, also concurrently), late refunds, paying once, the withdrawal.

describe.each(databaseKinds())('settlements module on %s', (kind) => {
  const clock = fixedClock(new Date());
  const base = clock.now().getTime() - 200 * DAY;
  let t: TestApp;
  let admin: Actor;
  let caregiverUser: TestUser;
  let otherUser: TestUser;

  /** The n-th week after `base`: each test settles its own weeks. */
  const week = (n: number) => ({ start: new Date(base + n * 7 * DAY), end: new Date(base + (n + 1) * 7 * DAY) });
  const inWeek = (n: number, hours = 30) => new Date(base + n * 7 * DAY + hours * HOUR);
  const run = (p: { start: Date; end: Date }) =>
    t.modules.settlements.useCases.runSettlements({ periodStart: p.start.toISOString(), periodEnd: p.end.toISOString() }, { actor: admin });

  beforeAll(async () => {
    t = await startTestApp({ kind, clock });
    const adminUser = await t.signup('ADMIN');
    admin = { userId: adminUser.userId, role: 'ADMIN', tokenId: newId(), expiresAt: 0 };
    caregiverUser = await t.signup('CAREGIVER');
    otherUser = await t.signup('CAREGIVER');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('settles what finished in the period, one settlement per caregiver, and never twice', async () => {
    const a = caregiverRef(caregiverUser.userId, '김영희');
    const b = caregiverRef(otherUser.userId, '박철수');
    const l = ledger(t);
    const r1 = await completedReservation(t, a, 150_000, inWeek(1));
    const r2 = await completedReservation(t, a, 100_005, inWeek(1, 100));
    await l.refunded(r2, 50_000, inWeek(1, 50));
    const r3 = await completedReservation(t, b, 80_000, inWeek(1, 10));
    await completedReservation(t, b, 70_000, inWeek(2)); // next week
    // Paid but never finished: not settled.
    await l.paid(newId(), 99_000, inWeek(1));

    const first = await run(week(1));
    expect(first.run).toMatchObject({ trigger: 'MANUAL', settlementCount: 2, grossAmount: 280_005, commissionAmount: 28_001, netAmount: 252_004, createdBy: admin.userId });
    const byName = new Map(first.items.map((s) => [s.caregiverName, s]));
    expect(byName.get('김영희')).toMatchObject({ caregiverId: a.caregiverId, caregiverUserId: a.caregiverUserId, grossAmount: 200_005, commissionAmount: 20_001, netAmount: 180_004, status: 'PENDING', commissionRate: 0.1 });
    expect(byName.get('김영희')!.lines.map((line) => [line.reservationId, line.kind, line.paid, line.refunded, line.amount])).toEqual([
      [r1, 'FINISHED', 150_000, 0, 150_000],
      [r2, 'FINISHED', 100_005, 50_000, 50_005],
    ]);
    expect(byName.get('박철수')!.lines.map((line) => line.reservationId)).toEqual([r3]);

    const again = await run(week(1));
    expect(again.items).toEqual([]);
    expect(again.run.settlementCount).toBe(0);

    const audit = await t.platform.database.db.selectFrom('platform.audit_log').selectAll().where('resource_id', '=', first.run.id).execute();
    expect(audit).toMatchObject([{ action: 'settlement.run', actor_id: admin.userId }]);
  });

  it('takes events in any order and settles a late cancellation that kept money', async () => {
    const a = caregiverRef(caregiverUser.userId);
    const l = ledger(t);
    // Completion first, then the payment (different aggregates), then a refund: all before the run.
    const r1 = newId();
    await l.completed(r1, a, inWeek(4));
    await l.refunded(r1, 10_000, inWeek(4, 40));
    await l.paid(r1, 120_000, inWeek(4, -20));
    // A late cancellation: paid 100,000, half refunded -> 50,000 kept.
    const r2 = newId();
    const payment = await l.paid(r2, 100_000, inWeek(4, 1));
    await l.cancelled(r2, a, inWeek(4, 5), { paid: true, refundAmount: 50_000, totalAmount: 100_000 });
    await l.refunded(r2, 50_000, inWeek(4, 5));
    // A full refund: nothing kept, nothing settled.
    const r3 = newId();
    await l.paid(r3, 90_000, inWeek(4, 1));
    await l.cancelled(r3, a, inWeek(4, 6), { paid: true, refundAmount: 90_000, totalAmount: 90_000 });
    await l.refunded(r3, 90_000, inWeek(4, 6));
    // A redelivered event adds nothing.
    expect(await l.deliver('money', payment)).toBe('duplicate');
    // Even past the inbox (a renamed consumer), the entry's unique event id keeps one row.
    const money = t.modules.settlements.consumers!.find((c) => c.name === 'settlements.ledger')!;
    await t.platform.database.db.transaction().execute((tx) => money.handle(payment, tx, () => {}));

    const { items } = await run(week(4));
    expect(items).toHaveLength(1);
    // Lines by finish time: the cancellation (5 h into the week) before the completion (30 h).
    expect(items[0]!.lines.map((line) => [line.reservationId, line.amount])).toEqual([
      [r2, 50_000],
      [r1, 110_000],
    ]);
    expect(items[0]!.grossAmount).toBe(160_000);
  });

  it('turns a refund after settlement into a negative line of the next run', async () => {
    const a = caregiverRef(caregiverUser.userId);
    const l = ledger(t);
    const r1 = await completedReservation(t, a, 200_000, inWeek(6));
    expect((await run(week(6))).items[0]!.netAmount).toBe(180_000);
    await l.refunded(r1, 30_005, inWeek(7, 10));
    const next = await run(week(7));
    expect(next.items).toHaveLength(1);
    expect(next.items[0]!.lines).toMatchObject([{ reservationId: r1, kind: 'LATE_REFUND', paid: 0, refunded: 30_005, amount: -30_005, commissionAmount: -3001, netAmount: -27_004 }]);
    expect(next.items[0]).toMatchObject({ grossAmount: -30_005, commissionAmount: -3001, netAmount: -27_004 });
    // The first settlement stays as it was.
    const first = await t.modules.settlements.useCases.listMySettlements({ ...admin, userId: a.caregiverUserId, role: 'CAREGIVER' }, {});
    expect(first.items.some((s) => s.lines.some((line) => line.reservationId === r1 && line.kind === 'FINISHED' && line.amount === 200_000))).toBe(true);
  });

  it('creates each line exactly once under concurrent runs of the same period', async () => {
    const refs = [caregiverRef(caregiverUser.userId, '가'), caregiverRef(otherUser.userId, '나'), caregiverRef(newId(), '다')];
    for (let i = 0; i < 12; i++) await completedReservation(t, refs[i % 3]!, 10_000 + i, inWeek(9, i));
    const before = await counts(t);
    const results = await Promise.all(Array.from({ length: 5 }, () => run(week(9))));
    const after = await counts(t);
    const linesCreated = results.reduce((n, r) => n + r.items.reduce((m, s) => m + s.lines.length, 0), 0);
    console.info(`[settlements ${kind}] 5 concurrent runs of one period: lines created ${linesCreated} (expected 12), settlements ${after.settlements - before.settlements}, runs ${after.runs - before.runs}`);
    expect(linesCreated).toBe(12);
    expect(after.lines - before.lines).toBe(12);
    expect(after.settlements - before.settlements).toBe(3);
    expect(after.claimed - before.claimed).toBe(12);
    expect(results.filter((r) => r.items.length > 0)).toHaveLength(1);
  });

  it('pays once: PENDING -> PAID, the event, the notification, 409 after', async () => {
    const a = caregiverRef(caregiverUser.userId);
    await completedReservation(t, a, 50_000, inWeek(11));
    const [settlement] = (await run(week(11))).items;
    const pay = () => t.modules.settlements.useCases.paySettlement(settlement!.id, { transferReference: 'KB-123' }, { actor: admin });
    const outcomes = await Promise.allSettled([pay(), pay(), pay()]);
    const paid = outcomes.filter((o) => o.status === 'fulfilled');
    expect(paid).toHaveLength(1);
    expect((paid[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof pay>>>).value).toMatchObject({
      status: 'PAID',
      transferReference: 'KB-123',
      payoutProvider: 'manual',
      paidAt: clock.now().toISOString(),
    });
    for (const o of outcomes.filter((x) => x.status === 'rejected')) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'SETTLEMENT_ALREADY_PAID' });
    await expect(t.modules.settlements.useCases.paySettlement(newId(), {}, { actor: admin })).rejects.toMatchObject({ code: 'SETTLEMENT_NOT_FOUND' });

    await t.settle();
    const notes = await t.platform.database.db
      .selectFrom('notifications.notifications')
      .selectAll()
      .where('user_id', '=', caregiverUser.userId)
      .where('type', '=', 'SETTLEMENT_PAID')
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.data).toMatchObject({ settlementId: settlement!.id, netAmount: 45_000 });
  });

  it('keeps settlements of a withdrawn caregiver without their name', async () => {
    const ref = caregiverRef(newId(), '홍길동');
    await completedReservation(t, ref, 10_000, inWeek(13));
    await run(week(13));
    const withdrawn = consumerName(t);
    await t.platform.database.db.transaction().execute((tx) =>
      withdrawn.handle({ id: newId(), type: 'user.withdrawn.v1', aggregateId: ref.caregiverUserId, occurredAt: clock.now().toISOString(), payload: { userId: ref.caregiverUserId, role: 'CAREGIVER' } }, tx, () => {}),
    );
    const list = await t.modules.settlements.api.listForCaregiverUser(ref.caregiverUserId, 5);
    expect(list.map((s) => s.caregiverName)).toEqual(['탈퇴한 간병인']);
  });

  it('answers commission per KST bucket for admin statistics', async () => {
    const from = week(1).start;
    const series = await t.modules.settlements.api.commissionSeries({ from, to: week(3).start, granularity: 'week' });
    expect(series.length).toBeGreaterThanOrEqual(2);
    const total = series.reduce((n, b) => n + b.commissionAmount, 0);
    expect(total).toBe(28_001); // week 1's lines only (week 2's reservation is not settled)
  });
});

function consumerName(t: TestApp) {
  const found = t.modules.settlements.consumers?.find((c) => c.name === 'settlements.user-withdrawn');
  if (!found) throw new Error('no withdrawal consumer');
  return found;
}
