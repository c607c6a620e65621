import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { bucketStart, GRANULARITIES } from '../stats-range.ts';
import { kstBucket } from './stats-buckets.ts';

// The SQL buckets are the TypeScript buckets: for any instant and unit, kstBucket in the database gives
// what bucketStart gives (KST midnight, Monday, the 1st), so series from SQL line up with bucketStarts.

describe.each(databaseKinds())('kstBucket on %s', (kind) => {
  it('matches bucketStart for any instant', async () => {
    const database = await openTestDatabase(kind);
    try {
      const instants = fc.sample(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), 150);
      // The edges: a minute either side of KST midnight, a Sunday/Monday night, a month's and a year's end.
      instants.push(
        new Date('2026-12-06T14:59:59.999Z'),
        new Date('2026-12-06T15:00:00Z'),
        new Date('2026-11-30T14:59:00Z'),
        new Date('2026-12-31T15:00:00Z'),
        new Date('2028-02-28T15:00:00Z'),
      );
      for (const granularity of GRANULARITIES) {
        const values = sql.join(instants.map((at, i) => sql`(${i}::int, ${at.toISOString()}::timestamptz)`));
        const result = await sql<{ i: number; start: Date }>`
          SELECT v.i, ${kstBucket(granularity, sql<Date>`v.at`)} AS start FROM (VALUES ${values}) AS v(i, at) ORDER BY v.i`.execute(database.db);
        expect(result.rows.map((row) => new Date(row.start).toISOString())).toEqual(instants.map((at) => bucketStart(at, granularity).toISOString()));
      }
    } finally {
      await database.close();
    }
  });
});
