import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds, openTestDatabase } from '../support/database.ts';
import { caregiverRef, completedReservation } from './support.ts';
import { newId } from '../../src/platform/ids.ts';

// SETTLEMENT_SCHEDULE=weekly on two instances sharing one database, with a test clock: on Monday 03:00 KST
// exactly one SCHEDULE run settles the week before, whichever instance's timer fires first.

describe.each(databaseKinds())('scheduled settlement runs on %s', (kind) => {
  // Monday 2026-11-30 02:00 KST: the due period is still the week of 11-16.
  const clock = fixedClock('2026-11-29T17:00:00Z');
  let database: Database;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const env = { SETTLEMENT_SCHEDULE: 'weekly' };
    a = await startTestApp({ database, clock, env });
    b = await startTestApp({ database, clock, env });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.close();
  });

  it('runs the week before once at Monday 03:00 KST, across instances', async () => {
    const caregiver = caregiverRef(newId(), '김주간');
    // Finished Wednesday 2026-11-25 (KST): in the week [11-23 00:00 KST, 11-30 00:00 KST).
    const reservationId = await completedReservation(a, caregiver, 100_000, new Date('2026-11-25T03:00:00Z'));
    // Start-up checks may have recorded the run of the week before (nothing in it).
    await Promise.all([a.modules.settlements.schedule.runNow(), b.modules.settlements.schedule.runNow()]);

    clock.set('2026-11-29T18:05:00Z'); // Monday 03:05 KST
    // One check per instance at once (a poller shares one run between callers of runNow).
    const outcomes = await Promise.all([a, b].map((x) => x.modules.settlements.schedule.runNow()));
    const made = outcomes.filter((o) => typeof o === 'object');
    expect(made).toHaveLength(1);
    const result = made[0] as Exclude<(typeof outcomes)[number], string>;
    expect(result.run).toMatchObject({ trigger: 'SCHEDULE', createdBy: null, periodStart: '2026-11-22T15:00:00.000Z', periodEnd: '2026-11-29T15:00:00.000Z', settlementCount: 1 });
    expect(result.items[0]!.lines.map((line) => line.reservationId)).toEqual([reservationId]);
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);

    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM settlements.runs WHERE trigger = 'SCHEDULE' AND period_start = ${new Date('2026-11-22T15:00:00Z')}`.execute(database.db);
    expect(rows[0]!.n).toBe(1);
    expect(await a.modules.settlements.schedule.runNow()).toBe('done');
  });
});
