import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId } from '../../src/platform/ids.ts';
import { serviceUrl } from '../support/services.ts';
import { at, bookingInput, D, failure, H, openReservationsModule, type Harness } from './support.ts';

// PGlite runs one transaction at a time, so only PostgreSQL can show that the exclusion constraint (not a
// check-then-insert) keeps concurrent bookings apart. Without DATABASE_URL this suite is skipped (in CI
// that is a failure: see test/support/services.ts).
const databaseUrl = serviceUrl('DATABASE_URL');

describe.skipIf(!databaseUrl)('concurrent bookings on PostgreSQL (needs DATABASE_URL)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openReservationsModule('postgres');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lets exactly one of 50 concurrent conflicting creates through; the other 49 get RESERVATION_OVERLAP', async () => {
    const caregiver = h.caregiver();
    // 50 different guardians, 50 different but overlapping ranges, all at once over a pool of 10 connections.
    const attempts = Array.from({ length: 50 }, (_, i) =>
      h.useCases.createReservation(newId(), bookingInput(caregiver.id, { startAt: at(2 * D + (i % 4) * H), endAt: at(2 * D + (i % 4) * H + 8 * H) })),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = await Promise.all(
      results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => failure(Promise.reject(r.reason))),
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    expect(new Set(lost.map((e) => `${e.kind} ${e.code}`))).toEqual(new Set(['conflict RESERVATION_OVERLAP']));
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM reservations.reservations WHERE caregiver_id = ${caregiver.id}`.execute(h.db);
    expect(rows.rows[0]!.n).toBe(1);
    const events = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM platform.outbox WHERE type = 'reservation.requested.v1' AND payload->>'caregiverId' = ${caregiver.id}`.execute(h.db);
    expect(events.rows[0]!.n).toBe(1);
  });

  it('lets 50 concurrent back-to-back [start, end) bookings of one caregiver all through', async () => {
    const caregiver = h.caregiver();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        h.useCases.createReservation(newId(), bookingInput(caregiver.id, { startAt: at(2 * D + i * H), endAt: at(2 * D + (i + 1) * H) })),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  });

  it('lets concurrent bookings of different caregivers at the same time all through', async () => {
    const caregivers = Array.from({ length: 20 }, () => h.caregiver());
    const results = await Promise.allSettled(caregivers.map((c) => h.useCases.createReservation(newId(), bookingInput(c.id))));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  });
});
