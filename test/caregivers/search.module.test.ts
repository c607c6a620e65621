import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { AppError } from '../../src/platform/errors.ts';
import { handleOnce } from '../../src/platform/events/inbox.ts';
import { noEmit } from '../support/platform.ts';
import { databaseKinds } from '../support/database.ts';
import { FILES, openCaregiversModule, setRating } from './support.ts';
import type { Region } from '../../src/modules/caregivers/contract.ts';
import { recommendedScore } from '../../src/modules/caregivers/domain/ranking.ts';
import { SORTS } from '../../src/modules/caregivers/domain/search.ts';
import { busyOf, expected, FILTERS, makeBookings, makeInput, matches, random, RATINGS, type Seeded } from './search-fixture.ts';
import { deliver, historyEvents } from './reservation-events.ts';
import { BUSY_SLOTS_CONSUMER } from '../../src/modules/caregivers/app/busy-slots-consumer.ts';

// The search against an oracle: every filter and sort on a seeded set, walked page by page.

describe.each(databaseKinds())('caregiver search on %s', (kind) => {
  let h: Awaited<ReturnType<typeof openCaregiversModule>>;
  const seeded: Seeded[] = [];
  let withdrawnId = '';

  beforeAll(async () => {
    h = await openCaregiversModule(kind);
    const busySlots = h.module.consumers!.find((c) => c.name === BUSY_SLOTS_CONSUMER)!;
    const next = random(20261201);
    const nextBooking = random(1210);
    for (let i = 0; i < 40; i++) {
      const input = makeInput(next, i);
      const userId = newId();
      const profile = await h.useCases.createProfile(userId, input);
      if (i >= 30) {
        if (i >= 36) await h.useCases.rejectProfile(profile.id, '서류 미비');
        continue; // PENDING and REJECTED profiles are never found
      }
      await h.useCases.approveProfile(profile.id);
      const [ratingAverage, reviewCount] = RATINGS[i % RATINGS.length]!;
      const score = recommendedScore({ ratingAverage, reviewCount, careerYears: input.careerYears });
      await setRating(h.db, profile.id, ratingAverage, reviewCount, score);
      if (i === 29) {
        withdrawnId = profile.id;
        await h.useCases.uploadDocument(userId, { kind: 'PHOTO', content: FILES.png });
        const event = { id: newId(), type: 'user.withdrawn.v1', aggregateId: userId, occurredAt: new Date().toISOString(), payload: { userId, role: 'CAREGIVER' } };
        const consumer = h.module.consumers!.find((c) => c.name === 'caregivers.user-withdrawn')!;
        expect(await handleOnce(h.platform, consumer, event)).toBe('handled');
        expect(await handleOnce(h.platform, consumer, event)).toBe('duplicate');
        await consumer.handle({ ...event, id: newId() }, h.db, noEmit); // a second, distinct delivery changes nothing
        continue;
      }
      const bookings = makeBookings(nextBooking, profile.id);
      await deliver(h.db, busySlots, bookings.flatMap((b) => historyEvents(b)));
      seeded.push({ id: profile.id, input, regions: profile.regions as Region[], ratingAverage, reviewCount, score, busy: busyOf(bookings) });
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('seeds a set where every filter has matches and misses', () => {
    expect(seeded).toHaveLength(29);
    for (const f of FILTERS.slice(1, -1)) {
      if (f.sido === '제주' || f.q === '%') continue;
      const n = seeded.filter((s) => matches(s, f)).length;
      expect(n, JSON.stringify(f)).toBeGreaterThan(0);
      expect(n, JSON.stringify(f)).toBeLessThan(seeded.length);
    }
  });

  for (const sort of SORTS) {
    it(`answers every filter sorted by ${sort}, page by page, without gaps or duplicates`, async () => {
      for (const filters of FILTERS) {
        const ids: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await h.useCases.searchProfiles({ ...filters, sort, limit: 4, cursor });
          ids.push(...page.items.map((p) => p.id));
          expect(page.items.every((p) => p.status === 'APPROVED')).toBe(true);
          cursor = page.nextCursor ?? undefined;
          pages += 1;
        } while (cursor && pages < 20);
        expect(ids, `${sort} ${JSON.stringify(filters)}`).toEqual(expected(seeded, filters, sort));
      }
    });
  }

  it('sorts by recommended by default and answers the public shape', async () => {
    const page = await h.useCases.searchProfiles({ limit: 100 });
    expect(page.items.map((p) => p.id)).toEqual(expected(seeded, {}, 'recommended'));
    expect(page.nextCursor).toBeNull();
    const first = page.items[0]!;
    expect(first).not.toHaveProperty('documents');
    expect(first).not.toHaveProperty('rejectionReason');
    expect(first.certificates[0]?.number).toBe('****-**3456');
  });

  it('hides and anonymises a withdrawn caregiver and deletes their files', async () => {
    const profile = await h.module.api.getProfile(withdrawnId);
    expect(profile).toMatchObject({ status: 'SUSPENDED', displayName: '탈퇴한 간병인', introduction: '', certificates: [] });
    expect(profile).not.toHaveProperty('photoUrl');
    const full = await h.useCases.getProfile({ userId: newId(), role: 'ADMIN', tokenId: 't', expiresAt: 0 }, withdrawnId);
    expect(full).toMatchObject({ documents: [] });
    expect((await h.useCases.searchProfiles({ q: '탈퇴', limit: 100 })).items).toEqual([]);
  });

  it('refuses bad cursors and regions with field errors', async () => {
    const first = await h.useCases.searchProfiles({ sort: 'rating', limit: 2 });
    const attempts = [
      h.useCases.searchProfiles({ sort: 'hourlyRate', cursor: first.nextCursor! }),
      h.useCases.searchProfiles({ cursor: 'bm90LWEtY3Vyc29y' }),
      h.useCases.searchProfiles({ sido: '서울', sigungu: '수원' }),
      h.useCases.searchProfiles({ sigungu: '강남' }),
    ];
    const fields = [];
    for (const attempt of attempts) {
      const error = await attempt.then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
      fields.push((error as AppError).errors?.[0]?.field);
    }
    expect(fields).toEqual(['cursor', 'cursor', 'sigungu', 'sigungu']);
  });

  // The search remembers each profile's public view per row version (app/search-profiles.ts): a change
  // must show on the very next search, never the view remembered from before it.
  it('shows every change of a profile on the next search (edit, rating, photo, status)', async () => {
    const userId = newId();
    const input = { ...makeInput(random(77), 77), displayName: '변경확인용', introduction: '처음 소개' };
    const { id } = await h.useCases.createProfile(userId, input);
    await h.useCases.approveProfile(id);
    const find = async () => (await h.useCases.searchProfiles({ q: '변경확인용', limit: 5 })).items;
    expect((await find()).map((p) => [p.id, p.introduction])).toEqual([[id, '처음 소개']]);
    expect((await find())[0]).toEqual((await find())[0]); // remembered: the same view again

    await h.useCases.updateMyProfile(userId, { introduction: '고친 소개' });
    expect((await find())[0]?.introduction).toBe('고친 소개');
    await setRating(h.db, id, 4.5, 12, recommendedScore({ ratingAverage: 4.5, reviewCount: 12, careerYears: input.careerYears }));
    expect((await find())[0]).toMatchObject({ introduction: '고친 소개', ratingAverage: 4.5, reviewCount: 12 });
    expect((await find())[0]).not.toHaveProperty('photoUrl');
    await h.useCases.uploadDocument(userId, { kind: 'PHOTO', content: FILES.png });
    expect((await find())[0]).toHaveProperty('photoUrl');
    await h.useCases.updateMyProfile(userId, { certificates: [{ type: 'CARE_WORKER', number: '2026-000111' }] }); // back to review
    expect(await find()).toEqual([]);
  });
});
