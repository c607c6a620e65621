import { sql, type RawBuilder } from 'kysely';
import type { Granularity } from '../stats-range.ts';

// The SQL side of platform/stats-range.ts: the start of the KST bucket (day, ISO week from Monday, month)
// holding a timestamptz column, as a timestamptz, for `GROUP BY` in repositories. KST is a fixed UTC+9
// (as in kst.ts), so no time zone database is needed.

const UNITS: Record<Granularity, string> = { day: 'day', week: 'week', month: 'month' };

/**
 * The KST bucket start of a timestamptz: a column name (`created_at`, `p.approved_at`) or an expression.
 * Group by its position (`groupBy(sql\`1\`)`): PostgreSQL sees two copies of an expression as the same only
 * when they are written the same, which this is (the unit is a literal, not a parameter).
 */
export function kstBucket(granularity: Granularity, at: string | RawBuilder<Date>): RawBuilder<Date> {
  const unit = sql.raw(`'${UNITS[granularity]}'`);
  const value = typeof at === 'string' ? sql.ref(at) : at;
  return sql<Date>`((date_trunc(${unit}, (${value} AT TIME ZONE 'UTC') + interval '9 hours') - interval '9 hours') AT TIME ZONE 'UTC')`;
}
