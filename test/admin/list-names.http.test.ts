import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { getAs, useAdminWorld, type AdminWorld } from './support.ts';

// Issue 13 item 10: the admin lists name the people (guardian, caregiver) and find rows by a name, email or
// phone of either party (`q`), resolved through the identity module's contract.

describe.each(databaseKinds())('admin lists with names on %s', (kind) => {
  let t: TestApp;
  let w: AdminWorld;
  useAdminWorld(kind, (app, world) => ([t, w] = [app, world]));

  type Item = { id: string; guardianId: string; guardianName: string | null; caregiverName?: string | null };
  const items = async (path: string, query: Record<string, string> = {}) => {
    const response = await getAs(t, w.admin, path, query);
    expect(response.statusCode).toBe(200);
    return (response.json() as { items: Item[] }).items;
  };
  const nameOf = async (user: TestUser) => (await getAs(t, user, '/users/me')).json().name as string;

  it('gives every reservation and payment row the names of its people', async () => {
    const guardianNames = new Map([
      [w.guardians[0].userId, await nameOf(w.guardians[0])],
      [w.guardians[1].userId, await nameOf(w.guardians[1])],
    ]);
    for (const item of await items('/admin/reservations')) expect(item.guardianName).toBe(guardianNames.get(item.guardianId));
    const payments = await items('/admin/payments');
    expect(payments.length).toBeGreaterThan(0);
    const caregiverNames = [await nameOf(w.caregivers[0].caregiver), await nameOf(w.caregivers[1].caregiver)];
    for (const item of payments) {
      expect(item.guardianName).toBe(guardianNames.get(item.guardianId));
      expect(caregiverNames).toContain(item.caregiverName);
    }
  });

  it('finds rows by the name, email or phone of the guardian or the caregiver (q)', async () => {
    const guardian = w.guardians[0];
    const byId = (await items('/admin/reservations', { guardianId: guardian.userId })).map((i) => i.id);
    expect((await items('/admin/reservations', { q: guardian.email.toUpperCase() })).map((i) => i.id)).toEqual(byId);
    await t.app.inject({ method: 'PATCH', url: '/api/v1/users/me', headers: guardian.auth, payload: { phone: '010-2468-1357' } });
    expect((await items('/admin/reservations', { q: '01024681357' })).map((i) => i.id)).toEqual(byId);
    expect((await items('/admin/payments', { q: '2468-1357' })).every((i) => i.guardianId === guardian.userId)).toBe(true);
    const caregiver = w.caregivers[0].caregiver;
    const caregiverRows = await items('/admin/reservations', { caregiverId: w.caregivers[0].caregiverId });
    expect((await items('/admin/reservations', { q: caregiver.email })).map((i) => i.id)).toEqual(caregiverRows.map((i) => i.id));
    expect(await items('/admin/reservations', { q: 'nobody-has-this-name' })).toEqual([]);
    expect(await items('/admin/payments', { q: 'nobody-has-this-name' })).toEqual([]);
    // q combines with the other filters (AND).
    expect(await items('/admin/reservations', { q: guardian.email, guardianId: w.guardians[1].userId })).toEqual([]);
  });
});
