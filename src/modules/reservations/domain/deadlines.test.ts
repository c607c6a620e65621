import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  autoCompletesAt,
  checkBookingTimes,
  checkInWindow,
  checkOutWindow,
  dueReminders,
  orderName,
  paymentExpiresAt,
  requestExpiresAt,
} from './deadlines.ts';
import { DEFAULT_BOOKING_WINDOW, DEFAULT_PRICING, HOUR_MS, DAY_MS } from './pricing.ts';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-12-01T00:00:00Z');
const plus = (ms: number, from = NOW) => new Date(from.getTime() + ms);
const TTL = { requestTtlMs: 24 * HOUR_MS, paymentTtlMs: 24 * HOUR_MS };

describe('expiry deadlines', () => {
  it('expires a request after its TTL, or at the start when that comes first', () => {
    expect(requestExpiresAt(NOW, plus(3 * DAY_MS), TTL)).toEqual(plus(DAY_MS));
    expect(requestExpiresAt(NOW, plus(5 * HOUR_MS), TTL)).toEqual(plus(5 * HOUR_MS));
  });

  it('expires an unpaid acceptance after the payment TTL, or at the start when that comes first', () => {
    expect(paymentExpiresAt(NOW, plus(3 * DAY_MS), TTL)).toEqual(plus(DAY_MS));
    expect(paymentExpiresAt(NOW, plus(2 * HOUR_MS), { paymentTtlMs: 24 * HOUR_MS })).toEqual(plus(2 * HOUR_MS));
  });

  it('is never later than the start nor than the TTL', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 * DAY_MS }), fc.integer({ min: 1, max: 30 * DAY_MS }), (ahead, ttl) => {
        const start = plus(ahead);
        const deadline = requestExpiresAt(NOW, start, { requestTtlMs: ttl });
        expect(deadline.getTime()).toBe(Math.min(start.getTime(), NOW.getTime() + ttl));
        expect(paymentExpiresAt(NOW, start, { paymentTtlMs: ttl })).toEqual(deadline);
      }),
    );
  });

  it('completes a reservation nobody checked out of 6 h after its end', () => {
    expect(autoCompletesAt(at('2026-12-01T10:00:00Z'), { autoCompleteAfterMs: 6 * HOUR_MS })).toEqual(at('2026-12-01T16:00:00Z'));
  });
});

describe('check-in window', () => {
  const start = at('2026-12-01T09:00:00Z');
  const end = at('2026-12-01T17:00:00Z');
  const opens = { checkinOpensBeforeMs: HOUR_MS };
  it('opens an hour before the start and closes at the end', () => {
    expect(checkInWindow(start, end, at('2026-12-01T07:59:59Z'), opens)).toEqual({ open: false, reason: 'TOO_EARLY', opensAt: at('2026-12-01T08:00:00Z') });
    expect(checkInWindow(start, end, at('2026-12-01T08:00:00Z'), opens)).toEqual({ open: true });
    expect(checkInWindow(start, end, at('2026-12-01T16:59:59Z'), opens)).toEqual({ open: true });
    expect(checkInWindow(start, end, end, opens)).toMatchObject({ open: false, reason: 'ENDED' });
  });
  it('follows the setting', () => {
    expect(checkInWindow(start, end, at('2026-12-01T07:00:00Z'), { checkinOpensBeforeMs: 2 * HOUR_MS })).toEqual({ open: true });
  });
});

describe('check-out window', () => {
  const start = at('2026-12-01T09:00:00Z');
  it('opens at the start, not before (even after an early check-in)', () => {
    expect(checkOutWindow(start, at('2026-12-01T08:00:00Z'))).toEqual({ open: false, opensAt: start });
    expect(checkOutWindow(start, at('2026-12-01T08:59:59.999Z'))).toEqual({ open: false, opensAt: start });
    expect(checkOutWindow(start, start)).toEqual({ open: true });
    expect(checkOutWindow(start, at('2026-12-02T09:00:00Z'))).toEqual({ open: true });
  });
  it('is open exactly when the start has come', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30 * DAY_MS, max: 30 * DAY_MS }), (offset) => {
        expect(checkOutWindow(start, plus(offset, start)).open).toBe(offset >= 0);
      }),
    );
  });
});

describe('reminders', () => {
  const startAt = at('2026-12-02T09:00:00Z');
  const fresh = { startAt, reminded24h: false, reminded1h: false };
  const before = (ms: number) => new Date(startAt.getTime() - ms);
  it('sends the 24 h reminder from 24 h before, the 1 h one from 1 h before, each once', () => {
    expect(dueReminders(fresh, before(24 * HOUR_MS + 1))).toEqual({ send: [], skip: [] });
    expect(dueReminders(fresh, before(24 * HOUR_MS))).toEqual({ send: [24], skip: [] });
    expect(dueReminders({ ...fresh, reminded24h: true }, before(2 * HOUR_MS))).toEqual({ send: [], skip: [] });
    expect(dueReminders({ ...fresh, reminded24h: true }, before(HOUR_MS))).toEqual({ send: [1], skip: [] });
    expect(dueReminders({ ...fresh, reminded24h: true, reminded1h: true }, before(1000))).toEqual({ send: [], skip: [] });
  });
  it('lets the 1 h reminder supersede a 24 h one not sent in time, and sends nothing after the start', () => {
    expect(dueReminders(fresh, before(30 * 60_000))).toEqual({ send: [1], skip: [24] });
    expect(dueReminders(fresh, startAt)).toEqual({ send: [], skip: [] });
  });
  it('never sends a reminder twice, whenever the timer runs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -HOUR_MS, max: 30 * HOUR_MS }), { maxLength: 12 }), (offsets) => {
        let state = fresh;
        const sent: number[] = [];
        for (const left of [...offsets].sort((a, b) => b - a)) {
          const due = dueReminders(state, before(left));
          sent.push(...due.send);
          const done = [...due.send, ...due.skip];
          state = { ...state, reminded24h: state.reminded24h || done.includes(24), reminded1h: state.reminded1h || done.includes(1) };
        }
        expect(new Set(sent).size).toBe(sent.length);
      }),
    );
  });
});

describe('booking times', () => {
  const check = (rateType: 'HOURLY' | 'DAILY', startAt: Date, endAt: Date) =>
    checkBookingTimes({ rateType, startAt, endAt }, NOW, DEFAULT_PRICING, DEFAULT_BOOKING_WINDOW);
  const start = plus(2 * DAY_MS);
  it('accepts whole hours or days starting between 1 hour and 90 days from now', () => {
    expect(check('HOURLY', start, plus(3 * HOUR_MS, start))).toEqual([]);
    expect(check('DAILY', start, plus(2 * DAY_MS, start))).toEqual([]);
    expect(check('HOURLY', plus(HOUR_MS), plus(2 * HOUR_MS))).toEqual([]);
    expect(check('HOURLY', plus(90 * DAY_MS), plus(90 * DAY_MS + HOUR_MS))).toEqual([]);
  });
  it('refuses partial units, empty or too long ranges, and starts outside the window, all at once', () => {
    expect(check('HOURLY', start, plus(90 * 60_000, start))).toEqual([{ field: 'endAt', message: 'must be a whole number of hours (at least 1) after startAt' }]);
    expect(check('DAILY', start, plus(30 * HOUR_MS, start))).toEqual([{ field: 'endAt', message: 'must be a whole number of 24-hour days (at least 1) after startAt' }]);
    expect(check('HOURLY', start, start)).toEqual([{ field: 'endAt', message: 'must be after startAt' }]);
    expect(check('DAILY', start, plus(32 * DAY_MS, start))).toEqual([{ field: 'endAt', message: 'must be at most 31 days after startAt' }]);
    expect(check('HOURLY', plus(-HOUR_MS), plus(30 * 60_000))).toEqual([
      { field: 'startAt', message: 'must be at least 1 hour from now' },
      { field: 'endAt', message: 'must be a whole number of hours (at least 1) after startAt' },
    ]);
    expect(check('HOURLY', plus(59 * 60_000), plus(119 * 60_000))).toEqual([{ field: 'startAt', message: 'must be at least 1 hour from now' }]);
    expect(check('HOURLY', plus(91 * DAY_MS), plus(91 * DAY_MS + HOUR_MS))).toEqual([{ field: 'startAt', message: 'must be at most 90 days from now' }]);
  });
  it('refuses a start the holiday calendar does not cover', () => {
    const far = at('2031-01-05T00:00:00Z');
    expect(checkBookingTimes({ rateType: 'HOURLY', startAt: far, endAt: plus(HOUR_MS, far) }, at('2030-12-30T00:00:00Z'), DEFAULT_PRICING, DEFAULT_BOOKING_WINDOW)).toEqual([
      { field: 'startAt', message: 'must fall in the years the holiday calendar covers (2025-2030, KST)' },
    ]);
  });
});

describe('order name', () => {
  it('shows the start in KST and the caregiver', () => {
    expect(orderName(at('2026-12-01T00:00:00Z'), '김영희')).toBe('간병 예약 12/01 09:00 (김영희)');
    expect(orderName(at('2026-12-31T15:30:00Z'), 'x'.repeat(200))).toHaveLength(100);
  });
});
