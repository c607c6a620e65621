import { describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { useAdminWorld, type AdminWorld } from '../admin/support.ts';
import { eventually, reservationOf } from '../payments/support.ts';

// The whole path through the real modules: a guardian pays and cancels late (half refunded: money kept) and
// another cancels early (refunded in full); the payment and reservation events reach the ledger, a run
// settles only the kept money, paying it notifies the caregiver.

describe.each(databaseKinds())('settlements fed by the real modules on %s', (kind) => {
  let t: TestApp;
  let w: AdminWorld;
  useAdminWorld(kind, (app, world) => {
    t = app;
    w = world;
  });

  it('settles a late cancellation that kept money, not a full refund, and pays it once', async () => {
    await t.settle();
    const total = (await reservationOf(t, w.halfRefund.guardian, w.halfRefund.reservationId)).totalAmount as number;
    const period = { periodStart: new Date(w.madeAt.getTime() - 60_000).toISOString(), periodEnd: new Date().toISOString() };
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: w.admin.auth, payload });

    const response = await post('/admin/settlements/runs', period);
    expect(response.statusCode).toBe(201);
    const { items } = response.json() as { items: Array<{ id: string; caregiverId: string; caregiverUserId: string; netAmount: number; lines: Array<Record<string, unknown>> }> };
    expect(items).toHaveLength(1);
    const [settlement] = items;
    expect(settlement).toMatchObject({ caregiverId: w.caregivers[1].caregiverId, caregiverUserId: w.caregivers[1].caregiver.userId });
    expect(settlement!.lines).toEqual([
      expect.objectContaining({ reservationId: w.halfRefund.reservationId, kind: 'FINISHED', paid: total, refunded: w.halfRefund.refundAmount, amount: total - w.halfRefund.refundAmount }),
    ]);

    expect((await post(`/admin/settlements/${settlement!.id}/pay`, { transferReference: 'T-1' })).statusCode).toBe(200);
    expect((await post(`/admin/settlements/${settlement!.id}/pay`, {})).statusCode).toBe(409);
    await eventually(async () => {
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: w.caregivers[1].caregiver.auth });
      const paid = (list.json() as { items: Array<{ type: string; data: Record<string, unknown> }> }).items.filter((n) => n.type === 'SETTLEMENT_PAID');
      expect(paid).toHaveLength(1);
      expect(paid[0]!.data).toMatchObject({ settlementId: settlement!.id, netAmount: settlement!.netAmount });
    });
  }, 60_000);
});
