import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/access.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { newId } from '../../src/platform/ids.ts';
import { openTestDatabase } from '../support/database.ts';
import { serviceUrl } from '../support/services.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { caregiverRef, completedReservation, counts, DAY, HOUR } from './support.ts';

// Two replicas sharing PostgreSQL run the same period five times each, all at once: every reservation gets
// exactly one line (advisory lock + claimed entries + one FINISHED line per reservation), and one payout.

const databaseUrl = serviceUrl('DATABASE_URL');

describe.skipIf(!databaseUrl)('settlement runs on two instances sharing PostgreSQL', () => {
  let database: Database;
  let a: TestApp;
  let b: TestApp;
  const admin: Actor = { userId: newId(), role: 'ADMIN', tokenId: newId(), expiresAt: 0 };

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    a = await startTestApp({ database });
    b = await startTestApp({ database });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.close();
  });

  it('creates each line exactly once and pays once', async () => {
    const start = new Date(Date.now() - 30 * DAY);
    const end = new Date(start.getTime() + 7 * DAY);
    const refs = Array.from({ length: 4 }, (_, i) => caregiverRef(newId(), `간병인${i}`));
    for (let i = 0; i < 40; i++) await completedReservation(i % 2 ? a : b, refs[i % 4]!, 50_000 + i, new Date(start.getTime() + (i + 1) * HOUR));
    const input = { periodStart: start.toISOString(), periodEnd: end.toISOString() };
    const runs = Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).modules.settlements.useCases.runSettlements(input, { actor: admin }));
    const results = await Promise.all(runs);
    const linesCreated = results.reduce((n, r) => n + r.items.reduce((m, s) => m + s.lines.length, 0), 0);
    const totals = await counts(a);
    console.info(`[settlements two instances] runs in parallel: ${runs.length} (5 per instance); lines created: ${linesCreated} of 40 reservations; settlements: ${totals.settlements}; entries claimed: ${totals.claimed}; runs recorded: ${totals.runs}`);
    expect(linesCreated).toBe(40);
    expect(totals).toMatchObject({ lines: 40, settlements: 4, claimed: 40, runs: 10 });

    const id = results.find((r) => r.items.length > 0)!.items[0]!.id;
    const pays = await Promise.allSettled([a, b, a, b].map((x) => x.modules.settlements.useCases.paySettlement(id, {}, { actor: admin })));
    expect(pays.filter((p) => p.status === 'fulfilled')).toHaveLength(1);
  }, 60_000);
});
