import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOOKINGS_PER_CAREGIVER } from '../../src/demo/demo-history.ts';
import { seedDemoData } from '../../src/demo/seed.ts';
import { travellingClock } from '../../src/platform/clock.ts';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';

// Issue 13 item 15: the demo has past weeks of finished, paid and reviewed bookings (made through the use
// cases on a clock sent back in time), so ratings, the top list and settlements have something to show;
// and a caregiver without reviews never ranks above well-reviewed ones.

type Profile = { id: string; displayName: string; ratingAverage: number; reviewCount: number };

describe.each(databaseKinds())('the demo history on %s', (kind) => {
  let t: TestApp;
  let dataDir: string;
  const clock = travellingClock();
  beforeAll(async () => {
    t = await startTestApp({ kind, clock });
    dataDir = await mkdtemp(join(tmpdir(), 'carenest-demo-history-'));
    await seedDemoData(t.platform, t.modules, { dataDir, adminSignupSecret: TEST_ADMIN_SECRET, clock });
    await t.settle();
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = async <T>(url: string, token?: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  it('comes back to the present with every booking finished and most reviewed', async () => {
    expect(Math.abs(t.platform.clock.now().getTime() - Date.now())).toBeLessThan(60_000);
    const booked = DEMO_BOOKINGS_PER_CAREGIVER.reduce((sum, n) => sum + n, 0);
    const top = (await get<{ items: Profile[] }>('/caregivers/top?limit=50')).items;
    const reviewed = top.filter((p) => p.reviewCount > 0);
    const reviews = reviewed.reduce((sum, p) => sum + p.reviewCount, 0);
    expect(reviews).toBeGreaterThan(booked * 0.8);
    expect(reviews).toBeLessThan(booked);
    // Realistic, not all perfect: averages differ, and not every caregiver has reviews.
    expect(new Set(reviewed.map((p) => p.ratingAverage)).size).toBeGreaterThan(3);
    expect(reviewed.length).toBeLessThan(top.length);
  });

  it('never ranks a caregiver without reviews above one whose reviews average 4 or more (top list and 추천순)', async () => {
    for (const list of [
      (await get<{ items: Profile[] }>('/caregivers/top?limit=50')).items,
      (await get<{ items: Profile[] }>('/caregivers?sort=recommended&limit=100')).items,
    ]) {
      const firstNewcomer = list.findIndex((p) => p.reviewCount === 0);
      const lastWellReviewed = list.findLastIndex((p) => p.reviewCount > 0 && p.ratingAverage >= 4);
      expect(firstNewcomer).toBeGreaterThan(lastWellReviewed);
      expect(list[0]!.reviewCount).toBeGreaterThan(0);
    }
  });

  it('shows the reviews (Korean text, past dates) and gives the admin payments and finished reservations to settle', async () => {
    const top = (await get<{ items: Profile[] }>('/caregivers/top?limit=1')).items[0]!;
    const reviews = (await get<{ items: { rating: number; content: string; createdAt: string }[] }>(`/caregivers/${top.id}/reviews`)).items;
    expect(reviews.length).toBe(top.reviewCount);
    for (const review of reviews) {
      expect(review.content).toMatch(/[가-힣]/);
      expect(new Date(review.createdAt).getTime()).toBeLessThan(Date.now() - 12 * 3_600_000);
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'guardian1@demo.carenest.kr', password: (await seedDemoData(t.platform, t.modules, { dataDir, adminSignupSecret: TEST_ADMIN_SECRET }))!.guardians[0]!.password } });
    const token = (login.json() as { accessToken: string }).accessToken;
    const mine = (await get<{ items: { status: string }[] }>('/reservations?limit=100', token)).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.status === 'COMPLETED')).toBe(true);
  });
});
