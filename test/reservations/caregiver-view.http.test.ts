import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { at, bookingInput, D, H, NOW } from './support.ts';
import { approvedCaregiver, confirmPayment, requests, startBookingApp } from './http-support.ts';

// Issue 13 item 7: the caregiver's view of a booking says what they earn (after the platform commission,
// by the settlements rule) and, from confirmation until a day after the end, the family's name and phone.

describe.each(databaseKinds())("the caregiver's view of a booking on %s", (kind) => {
  let t: TestApp;
  let clock: Awaited<ReturnType<typeof startBookingApp>>['clock'];
  let http: ReturnType<typeof requests>;
  beforeAll(async () => {
    ({ t, clock } = await startBookingApp(kind));
    await t.modules.reservations.timers.stop();
    http = requests(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows earnings always and the contact only while the booking is on', async () => {
    clock.set(NOW);
    const guardian = await t.signup('GUARDIAN', { name: '박보호' });
    const phone = await t.app.inject({ method: 'PATCH', url: '/api/v1/users/me', headers: guardian.auth, payload: { phone: '010-1234-5678' } });
    expect(phone.statusCode, phone.body).toBe(200);
    const caregiver = await approvedCaregiver(t);
    const created = await http.post('/reservations', guardian, bookingInput(caregiver.caregiverId, { startAt: at(2 * D), endAt: at(2 * D + 8 * H) }));
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json() as { id: string; guardianId: string; totalAmount: number };
    const commission = Math.round(r.totalAmount * 0.1);
    const earnings = { grossAmount: r.totalAmount, commissionAmount: commission, netAmount: r.totalAmount - commission };

    const requested = (await http.get(`/reservations/${r.id}`, caregiver)).json();
    expect(requested.caregiverEarnings).toEqual(earnings);
    expect(requested).not.toHaveProperty('familyContact');
    // The family sees neither.
    const forGuardian = (await http.get(`/reservations/${r.id}`, guardian)).json();
    expect(forGuardian).not.toHaveProperty('caregiverEarnings');
    expect(forGuardian).not.toHaveProperty('familyContact');

    await http.post(`/reservations/${r.id}/accept`, caregiver);
    expect((await http.get(`/reservations/${r.id}`, caregiver)).json()).not.toHaveProperty('familyContact');
    await confirmPayment(t, r);
    const confirmed = (await http.get(`/reservations/${r.id}`, caregiver)).json();
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', caregiverEarnings: earnings, familyContact: { name: '박보호', phone: '010-1234-5678' } });

    // Item 6 and 12: the caregiver's notification names the family, in the language asked for (`?lang`).
    await t.settle();
    const bodies = async (lang: string) =>
      ((await http.get(`/notifications?lang=${lang}`, caregiver)).json() as { items: { type: string; body: string }[] }).items.find((n) => n.type === 'RESERVATION_CONFIRMED')?.body;
    expect(await bodies('ko')).toMatch(/^박보호 보호자님이 결제를 마쳐 .* 예약이 확정되었습니다\.$/);
    expect(await bodies('en')).toMatch(/^박보호 paid: the booking for .* is confirmed\.$/);
    const forFamily = (await http.get('/notifications?lang=ko', guardian)).json() as { items: { type: string; body: string }[] };
    expect(forFamily.items.find((n) => n.type === 'RESERVATION_CONFIRMED')?.body).toMatch(/^김영희님과의 /);

    clock.set(at(2 * D - 10 * 60_000));
    await http.post(`/reservations/${r.id}/check-in`, caregiver);
    clock.set(at(2 * D + 8 * H));
    await http.post(`/reservations/${r.id}/check-out`, caregiver);
    clock.set(at(2 * D + 8 * H + D - 1));
    expect((await http.get(`/reservations/${r.id}`, caregiver)).json()).toMatchObject({ status: 'COMPLETED', familyContact: { name: '박보호' } });
    clock.set(at(2 * D + 8 * H + D));
    expect((await http.get(`/reservations/${r.id}`, caregiver)).json()).not.toHaveProperty('familyContact');
  });
});
