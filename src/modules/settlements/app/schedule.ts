import type { Poller } from '../../../platform/poller.ts';
import { latestDuePeriod } from '../domain/period.ts';
import { scheduledRunExists } from '../db/settlements.repo.ts';
import type { SettlementsDeps } from './deps.ts';
import type { RunResult } from './schemas.ts';

// The scheduled run (SETTLEMENT_SCHEDULE weekly | monthly): every few minutes each replica asks whether the
// latest due period has its SCHEDULE run; the first to take the run lock makes it, the others then see it
// (and the unique (trigger, period_start) index stops a second one regardless). Only the latest period is
// caught up after a long outage; an admin runs a missed older period by hand.

export const SCHEDULE_CHECK_MS = 5 * 60_000;

export type ScheduleOutcome = 'off' | 'done' | RunResult;

export function makeSchedulePoller(deps: SettlementsDeps, runScheduled: (period: { start: Date; end: Date }) => Promise<RunResult | undefined>): Poller<ScheduleOutcome> {
  const { platform, schedule } = deps;
  return platform.poller<ScheduleOutcome>({
    name: 'settlements.schedule',
    intervalMs: SCHEDULE_CHECK_MS,
    runAtStart: true,
    async runOnce() {
      const period = latestDuePeriod(schedule, platform.clock.now());
      if (!period) return 'off';
      if (await scheduledRunExists(platform.database.db, period.start)) return 'done';
      return (await runScheduled(period)) ?? 'done';
    },
  });
}
