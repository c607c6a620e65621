import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { approvedCaregiver, call, DAY, startIn } from '../payments/support.ts';
import { kstIso } from '../../src/platform/kst.ts';

// A suspended caregiver (identity's user.suspended.v1, consumer caregivers.account-suspension) disappears
// from search, top lists, profile and busy-time reads and cannot be quoted or booked; unsuspension brings
// the profile back exactly as it was (still APPROVED).

describe.each(databaseKinds())('caregiver suspension on %s', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let guardian: TestUser;
  let suspended: { caregiver: TestUser; caregiverId: string };
  let other: { caregiver: TestUser; caregiverId: string };

  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = await t.signup('ADMIN');
    guardian = await t.signup('GUARDIAN');
    suspended = await approvedCaregiver(t);
    other = await approvedCaregiver(t);
    await t.settle();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, user?: TestUser) => call(t, { method: 'GET', url: `/api/v1${url}`, ...(user ? { headers: user.auth } : {}) });
  const ids = async (url: string) => ((await get(url)).json() as { items: { id: string }[] }).items.map((i) => i.id);
  const start = startIn(10 * DAY);
  const quoteUrl = (caregiverId: string) =>
    `/quotes?caregiverId=${caregiverId}&rateType=DAILY&startAt=${encodeURIComponent(kstIso(start))}&endAt=${encodeURIComponent(kstIso(new Date(start.getTime() + DAY)))}`;
  const busyUrl = (caregiverId: string) =>
    `/caregivers/${caregiverId}/busy?from=${encodeURIComponent(start.toISOString())}&to=${encodeURIComponent(new Date(start.getTime() + DAY).toISOString())}`;
  const book = (caregiverId: string) =>
    call(t, {
      method: 'POST',
      url: '/api/v1/reservations',
      headers: guardian.auth,
      payload: {
        caregiverId,
        serviceType: 'HOSPITAL',
        rateType: 'DAILY',
        startAt: kstIso(start),
        endAt: kstIso(new Date(start.getTime() + DAY)),
        location: { sido: '서울', sigungu: '강남', address: '테헤란로 1' },
        patient: { name: '김환자', conditions: [] },
      },
    });

  it('is visible before the suspension', async () => {
    expect(await ids('/caregivers')).toEqual(expect.arrayContaining([suspended.caregiverId, other.caregiverId]));
    expect(await ids('/caregivers/top')).toContain(suspended.caregiverId);
    expect((await get(`/caregivers/${suspended.caregiverId}`)).statusCode).toBe(200);
    expect((await get(quoteUrl(suspended.caregiverId))).statusCode).toBe(200);
  });

  it('hides a suspended caregiver everywhere and refuses quotes and bookings', async () => {
    const res = await call(t, { method: 'POST', url: `/api/v1/admin/users/${suspended.caregiver.userId}/suspend`, headers: admin.auth, payload: { reason: '자격 위조 의심' } });
    expect(res.statusCode).toBe(200);
    await t.settle();

    expect(await ids('/caregivers')).not.toContain(suspended.caregiverId);
    expect(await ids('/caregivers')).toContain(other.caregiverId);
    expect(await ids('/caregivers/top')).not.toContain(suspended.caregiverId);
    for (const url of [`/caregivers/${suspended.caregiverId}`, busyUrl(suspended.caregiverId), quoteUrl(suspended.caregiverId)]) {
      const response = await get(url, guardian);
      expect([url, response.statusCode, response.json().code]).toEqual([url, 404, 'CAREGIVER_NOT_FOUND']);
    }
    const booking = await book(suspended.caregiverId);
    expect([booking.statusCode, booking.json().code]).toEqual([404, 'CAREGIVER_NOT_FOUND']);
    // Admins still see the profile in full, with its review status untouched.
    const forAdmin = await get(`/caregivers/${suspended.caregiverId}`, admin);
    expect([forAdmin.statusCode, forAdmin.json().status]).toEqual([200, 'APPROVED']);
    expect((await t.modules.caregivers.api.getProfile(suspended.caregiverId))?.status).toBe('SUSPENDED');
  });

  it('brings the profile back as it was when the suspension is lifted', async () => {
    const res = await call(t, { method: 'POST', url: `/api/v1/admin/users/${suspended.caregiver.userId}/unsuspend`, headers: admin.auth, payload: {} });
    expect(res.statusCode).toBe(200);
    await t.settle();
    expect(await ids('/caregivers')).toContain(suspended.caregiverId);
    expect(await ids('/caregivers/top')).toContain(suspended.caregiverId);
    expect((await get(`/caregivers/${suspended.caregiverId}`)).json().status).toBe('APPROVED');
    expect((await get(quoteUrl(suspended.caregiverId))).statusCode).toBe(200);
    expect((await book(suspended.caregiverId)).statusCode).toBe(201);
  });
});
