import type { Worker } from '../../../platform/module.ts';
import { updateReservation } from '../db/reservations.repo.ts';
import { claimDue, type TimerJob } from '../db/timers.repo.ts';
import { dueReminders } from '../domain/deadlines.ts';
import type { ReservationsDeps } from './deps.ts';
import { reminder } from './events.ts';
import { applyTransition } from './transition.ts';

// The reservation timers: request and payment expiry, automatic completion, reminders. Durable and
// replica-safe by construction: the database is the only schedule (expires_at, end_at, start_at and the
// reminder marks), every replica polls it, and FOR UPDATE SKIP LOCKED hands each due row to exactly one
// of them. Nothing to rebuild after a restart. See docs/decisions/0006-reservation-timers.md.

export interface TimerRun {
  readonly expired: number;
  readonly completed: number;
  readonly reminders: number;
}

export interface ReservationTimers extends Worker {
  /** One pass over every job until nothing is due (tests call it with a fixed clock). */
  runOnce(): Promise<TimerRun>;
}

/** Most batches per job and pass, so one pass ends even if rows keep coming due. */
const MAX_BATCHES = 20;

export function makeReservationTimers(deps: ReservationsDeps): ReservationTimers {
  const { platform, settings } = deps;
  const log = platform.logger.child({ component: 'reservation-timers' });

  /** One transaction: claims a batch of due rows and acts on each; returns [rows claimed, events emitted]. */
  function batch(job: TimerJob): Promise<[number, number]> {
    const now = platform.clock.now();
    return platform.transact(async (tx, emit) => {
      const rows = await claimDue(tx, job, now, { limit: settings.timerBatchSize, autoCompleteAfterMs: settings.autoCompleteAfterMs });
      let events = 0;
      for (const row of rows) {
        if (job === 'expire') {
          await applyTransition(tx, emit, { row, action: 'expire', actor: 'SYSTEM', now });
          events++;
        } else if (job === 'autoComplete') {
          await applyTransition(tx, emit, { row, action: 'autoComplete', actor: 'SYSTEM', now, changes: { auto_completed: true } });
          events++;
        } else {
          const due = dueReminders({ startAt: row.start_at, reminded24h: row.reminded_24h_at !== null, reminded1h: row.reminded_1h_at !== null }, now);
          const done = [...due.send, ...due.skip];
          if (done.length === 0) continue;
          await updateReservation(tx, row.id, {
            ...(done.includes(24) ? { reminded_24h_at: now } : {}),
            ...(done.includes(1) ? { reminded_1h_at: now } : {}),
          });
          emit(...due.send.map((hours) => reminder(row, hours)));
          events += due.send.length;
        }
      }
      return [rows.length, events];
    });
  }

  async function drain(job: TimerJob): Promise<number> {
    let events = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const [claimed, written] = await batch(job);
      events += written;
      if (claimed < settings.timerBatchSize) break;
    }
    return events;
  }

  async function runOnce(): Promise<TimerRun> {
    const expired = await drain('expire');
    const completed = await drain('autoComplete');
    const reminders = await drain('remind');
    return { expired, completed, reminders };
  }

  const poller = platform.poller({
    name: 'reservations.timers',
    intervalMs: settings.timerIntervalMs,
    async runOnce() {
      const run = await runOnce();
      if (run.expired + run.completed + run.reminders > 0) log.info(run, 'reservation timers fired');
    },
  });
  return { name: poller.name, start: poller.start, stop: poller.stop, runOnce };
}
