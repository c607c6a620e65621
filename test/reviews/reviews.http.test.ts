import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { REVIEW_EVENTS } from '../../src/modules/reviews/contract.ts';
import { newId } from '../../src/platform/ids.ts';
import { invalidateTop } from '../../src/modules/caregivers/app/top-cache.ts';
import type { TestApp, TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { approvedCaregiver, problemOf, startBookingApp, type BookingCaregiver } from '../reservations/http-support.ts';
import { reservationUpTo, type Clock } from './support.ts';

const CONTENT = '시간 약속을 잘 지키시고 정말 친절하셨어요.';

describe.each(databaseKinds())('reviews over HTTP on %s', (kind) => {
  let t: TestApp;
  let clock: Clock;
  let admin: TestUser;
  let guardian: TestUser;
  let caregiver: BookingCaregiver;
  let completed: string;

  const call = (method: InjectOptions['method'], url: string, user?: TestUser, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user ? user.auth : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const profile = async (id: string) => (await call('GET', `/caregivers/${id}`)).json() as { ratingAverage: number; reviewCount: number };

  beforeAll(async () => {
    ({ t, clock } = await startBookingApp(kind));
    await t.modules.reservations.timers.stop();
    admin = await t.signup('ADMIN');
    guardian = await t.signup('GUARDIAN', { name: '김철수' });
    caregiver = await approvedCaregiver(t);
    completed = await reservationUpTo(t, clock, guardian, caregiver);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets the guardian of a completed reservation review it once; the rating follows by events', async () => {
    const created = await call('POST', '/reviews', guardian, { reservationId: completed, rating: 4, content: `  ${CONTENT}  ` });
    expect(created.statusCode, created.body).toBe(201);
    const review = created.json() as { id: string };
    expect(review).toMatchObject({ reservationId: completed, caregiverId: caregiver.caregiverId, rating: 4, content: CONTENT, authorName: '김**' });

    const again = await call('POST', '/reviews', guardian, { reservationId: completed, rating: 5, content: CONTENT });
    expect(problemOf(again)).toMatchObject({ status: 409, code: 'REVIEW_EXISTS' });

    await t.settle();
    expect(await profile(caregiver.caregiverId)).toMatchObject({ ratingAverage: 4, reviewCount: 1 });

    const list = (await call('GET', `/caregivers/${caregiver.caregiverId}/reviews`)).json() as { items: Record<string, unknown>[]; nextCursor: string | null };
    expect(list).toEqual({
      items: [{ id: review.id, caregiverId: caregiver.caregiverId, authorName: '김**', rating: 4, content: CONTENT, createdAt: expect.any(String), updatedAt: expect.any(String) }],
      nextCursor: null,
    });
    expect(JSON.stringify(list)).not.toContain(guardian.userId);
  });

  it('refuses unfinished, foreign and unknown reservations, bad ratings, short content and unknown fields', async () => {
    const other = await t.signup('GUARDIAN');
    const confirmed = await reservationUpTo(t, clock, guardian, caregiver, 'CONFIRMED');
    const requested = await reservationUpTo(t, clock, guardian, caregiver, 'REQUESTED');
    const body = (reservationId: string, extra: Record<string, unknown> = {}) => ({ reservationId, rating: 5, content: CONTENT, ...extra });

    for (const id of [confirmed, requested]) {
      expect(problemOf(await call('POST', '/reviews', guardian, body(id)))).toMatchObject({ status: 409, code: 'RESERVATION_NOT_COMPLETED' });
    }
    expect(problemOf(await call('POST', '/reviews', other, body(completed)))).toMatchObject({ status: 404, code: 'RESERVATION_NOT_FOUND' });
    expect(problemOf(await call('POST', '/reviews', other, body(confirmed)))).toMatchObject({ status: 404, code: 'RESERVATION_NOT_FOUND' });
    expect(problemOf(await call('POST', '/reviews', guardian, body(newId())))).toMatchObject({ status: 404, code: 'RESERVATION_NOT_FOUND' });
    expect(problemOf(await call('POST', '/reviews', guardian, body('not-a-uuid')))).toMatchObject({ status: 404 });
    expect(problemOf(await call('POST', '/reviews', caregiver, body(completed)))).toMatchObject({ status: 403 });
    expect(problemOf(await call('POST', '/reviews', undefined, body(completed)))).toMatchObject({ status: 401 });

    for (const rating of [0, 6, 4.5, '5']) {
      expect(problemOf(await call('POST', '/reviews', guardian, body(confirmed, { rating })))).toMatchObject({ status: 400, fields: ['rating'] });
    }
    expect(problemOf(await call('POST', '/reviews', guardian, body(confirmed, { content: '짧아요' })))).toMatchObject({ status: 400, fields: ['content'] });
    expect(problemOf(await call('POST', '/reviews', guardian, body(confirmed, { content: ' '.repeat(12) })))).toMatchObject({ status: 400, fields: ['content'] });
    expect(problemOf(await call('POST', '/reviews', guardian, body(confirmed, { content: 'x'.repeat(1001) })))).toMatchObject({ status: 400 });
    expect(problemOf(await call('POST', '/reviews', guardian, body(confirmed, { guardianName: 'x' })))).toMatchObject({ status: 400 });
    expect(problemOf(await call('POST', '/reviews', guardian, { rating: 5, content: CONTENT }))).toMatchObject({ status: 400 });
  });

  it('lets the author or an admin edit and delete; anyone else gets 404; the aggregate follows', async () => {
    const second = await t.signup('GUARDIAN', { name: 'Alice' });
    const reservation = await reservationUpTo(t, clock, second, caregiver);
    const created = await call('POST', '/reviews', second, { reservationId: reservation, rating: 2, content: CONTENT });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    await t.settle();
    expect(await profile(caregiver.caregiverId)).toMatchObject({ ratingAverage: 3, reviewCount: 2 });

    for (const stranger of [guardian, caregiver]) {
      expect(problemOf(await call('PATCH', `/reviews/${id}`, stranger, { rating: 5 }))).toMatchObject({ status: 404, code: 'REVIEW_NOT_FOUND' });
      expect(problemOf(await call('DELETE', `/reviews/${id}`, stranger))).toMatchObject({ status: 404, code: 'REVIEW_NOT_FOUND' });
    }
    expect(problemOf(await call('PATCH', `/reviews/${id}`, second, { rating: 7 }))).toMatchObject({ status: 400 });
    expect(problemOf(await call('PATCH', `/reviews/${id}`, second, {}))).toMatchObject({ status: 400 });
    expect(problemOf(await call('PATCH', `/reviews/${id}`, second, { rating: 5, extra: 1 }))).toMatchObject({ status: 400 });

    const edited = await call('PATCH', `/reviews/${id}`, second, { rating: 5, content: '다시 생각해보니 최고였습니다!' });
    expect(edited.json()).toMatchObject({ id, rating: 5, content: '다시 생각해보니 최고였습니다!', authorName: 'A****' });
    await t.settle();
    expect(await profile(caregiver.caregiverId)).toMatchObject({ ratingAverage: 4.5, reviewCount: 2 });

    expect((await call('PATCH', `/reviews/${id}`, admin, { content: '관리자가 수정한 후기 내용입니다.' })).statusCode).toBe(200);
    expect((await call('DELETE', `/reviews/${id}`, admin)).statusCode).toBe(204);
    expect(problemOf(await call('DELETE', `/reviews/${id}`, second))).toMatchObject({ status: 404 });
    await t.settle();
    expect(await profile(caregiver.caregiverId)).toMatchObject({ ratingAverage: 4, reviewCount: 1 });
    // Once per reservation, even after a deletion.
    expect(problemOf(await call('POST', '/reviews', second, { reservationId: reservation, rating: 5, content: CONTENT }))).toMatchObject({
      status: 409,
      code: 'REVIEW_EXISTS',
    });
  });

  it('never lets an older aggregate overwrite a newer one (redelivered or late events)', async () => {
    const before = await profile(caregiver.caregiverId);
    await t.platform.transact(async (_tx, emit) =>
      emit(
        REVIEW_EVENTS.updated.of(caregiver.caregiverId, {
          reviewId: newId(),
          reservationId: completed,
          caregiverId: caregiver.caregiverId,
          caregiverUserId: caregiver.userId,
          guardianId: guardian.userId,
          rating: 1,
          stats: { reviewCount: 1, ratingSum: 1, version: 1 },
        }),
      ),
    );
    await t.settle();
    expect(await profile(caregiver.caregiverId)).toEqual(before);
  });

  it('pages a caregiver\'s reviews newest first, and 404s for unknown caregivers', async () => {
    const other = await approvedCaregiver(t);
    for (const rating of [3, 4, 5]) {
      const author = await t.signup('GUARDIAN');
      const reservation = await reservationUpTo(t, clock, author, other);
      clock.set(new Date(Date.parse('2026-12-01T00:00:00Z') + rating * 1000));
      expect((await call('POST', '/reviews', author, { reservationId: reservation, rating, content: CONTENT })).statusCode).toBe(201);
    }
    const first = (await call('GET', `/caregivers/${other.caregiverId}/reviews?limit=2`)).json() as { items: { rating: number }[]; nextCursor: string };
    expect(first.items.map((r) => r.rating)).toEqual([5, 4]);
    const second = (await call('GET', `/caregivers/${other.caregiverId}/reviews?limit=2&cursor=${first.nextCursor}`)).json() as { items: { rating: number }[]; nextCursor: null };
    expect(second).toMatchObject({ items: [{ rating: 3 }], nextCursor: null });
    expect(problemOf(await call('GET', `/caregivers/${other.caregiverId}/reviews?cursor=bogus`))).toMatchObject({ status: 400 });
    expect(problemOf(await call('GET', `/caregivers/${newId()}/reviews`))).toMatchObject({ status: 404, code: 'CAREGIVER_NOT_FOUND' });
  });

  it('keeps the aggregate exact under concurrent reviews, and a racing duplicate is 409', async () => {
    const busy = await approvedCaregiver(t);
    const authors = await Promise.all([1, 2, 3, 4].map(() => t.signup('GUARDIAN')));
    const reservations: string[] = [];
    for (const author of authors) reservations.push(await reservationUpTo(t, clock, author, busy));
    const results = await Promise.all([
      ...authors.map((author, i) => call('POST', '/reviews', author, { reservationId: reservations[i], rating: i + 2, content: CONTENT })),
      call('POST', '/reviews', authors[0], { reservationId: reservations[0], rating: 1, content: CONTENT }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 409]);
    await t.settle();
    const reviewed = await profile(busy.caregiverId);
    const first = results[0]!.statusCode === 201 ? 2 : 1; // which of the two racing writes of authors[0] won
    expect(reviewed).toMatchObject({ reviewCount: 4, ratingAverage: (first + 3 + 4 + 5) / 4 });
  });

  it('keeps a withdrawn guardian\'s rating but not its name or text', async () => {
    const rated = await approvedCaregiver(t);
    const leaving = await t.signup('GUARDIAN', { name: '박영희' });
    const staying = await t.signup('GUARDIAN', { name: '이민수' });
    const secret = '어머니 박순자 님(010-9876-5432) 간병을 정말 잘 해 주셨어요.';
    for (const [author, rating, content] of [[leaving, 2, secret], [staying, 5, CONTENT]] as const) {
      const reservation = await reservationUpTo(t, clock, author, rated);
      expect((await call('POST', '/reviews', author, { reservationId: reservation, rating, content })).statusCode).toBe(201);
    }
    await t.settle();
    expect(await profile(rated.caregiverId)).toMatchObject({ ratingAverage: 3.5, reviewCount: 2 });

    expect((await call('DELETE', '/users/me', leaving)).statusCode).toBe(204);
    await t.settle();
    const list = (await call('GET', `/caregivers/${rated.caregiverId}/reviews`)).json() as { items: { authorName: string; rating: number; content: string }[] };
    expect(list.items.map(({ authorName, rating, content }) => ({ authorName, rating, content }))).toEqual([
      { authorName: '이**', rating: 5, content: CONTENT },
      { authorName: '탈퇴한 사용자', rating: 2, content: '(탈퇴한 사용자가 작성한 내용 삭제됨 · Removed: written by a withdrawn user)' },
    ]);
    expect(JSON.stringify(list)).not.toContain('010-9876-5432');
    expect(await profile(rated.caregiverId)).toMatchObject({ ratingAverage: 3.5, reviewCount: 2 });
  });

  it('ranks /caregivers/top by the Bayesian score from the cache, refreshed by a new review', async () => {
    const top = async (limit?: number) =>
      (await call('GET', `/caregivers/top${limit ? `?limit=${limit}` : ''}`)).json() as { items: { id: string; score: number; ratingAverage: number; reviewCount: number }[] };
    // Runs on PGlite and PostgreSQL may share one Redis (and its cached lists): start from a new generation.
    await invalidateTop(t.platform.cache);
    const before = await top(50);
    expect(before.items.length).toBeGreaterThan(0);
    const scores = before.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const item of before.items) expect(item).toMatchObject({ ratingAverage: expect.any(Number), reviewCount: expect.any(Number) });

    // A newcomer with one 5.0 review scores (5 * 3.5 + 5) / 6 = 3.75, above the prior but below a 4.0 from several.
    const fresh = await approvedCaregiver(t);
    const author = await t.signup('GUARDIAN');
    const reservation = await reservationUpTo(t, clock, author, fresh);
    expect((await call('POST', '/reviews', author, { reservationId: reservation, rating: 5, content: CONTENT })).statusCode).toBe(201);
    await t.settle();
    const after = await top(50);
    expect(after.items.find((i) => i.id === fresh.caregiverId)).toMatchObject({ ratingAverage: 5, reviewCount: 1, score: 3.75 });

    expect(problemOf(await call('GET', '/caregivers/top?limit=51'))).toMatchObject({ status: 400 });
    expect((await call('GET', '/caregivers/top')).headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await top()).items.length).toBeLessThanOrEqual(10);
  });
});
