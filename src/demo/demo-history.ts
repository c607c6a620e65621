import type { Actor } from '../platform/access.ts';
import { AppError } from '../platform/errors.ts';
import type { Platform } from '../platform/module.ts';
import type { createModules } from '../modules/index.ts';
import type { DemoCaregiver } from './demo-people.ts';
import { DEMO_RATING_CYCLE, DEMO_REVIEW_TEXTS } from './demo-reviews.ts';

// Past weeks of care for the demo (issue 13 item 15): finished bookings with reviews, so ratings, the
// top list and settlements have something to show. Each booking goes through the real use cases (book,
// accept, pay in the sandbox, check in, check out, review) on a clock that travels through the past
// weeks and comes back to now; the events they write are handled as they would have been then.

type Modules = ReturnType<typeof createModules>;

export interface TimeMachine {
  travelTo(at: Date): void;
  backToNow(): void;
}

export interface HistoryPeople {
  readonly guardianIds: readonly string[];
  readonly caregivers: readonly { readonly userId: string; readonly profileId: string; readonly person: DemoCaregiver }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How many finished bookings each of the first caregivers had; the rest are newcomers without any. */
export const DEMO_BOOKINGS_PER_CAREGIVER: readonly number[] = [3, 2, 4, 1, 2, 3, 1, 2, 0, 2, 1, 3, 2, 1, 0, 2, 1, 1, 2, 1];
/** Every seventh finished booking was not reviewed (families do not always write one). */
const UNREVIEWED_EVERY = 7;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * How long to wait before looking again for an event to be handled. The in-process relay hands an event on
 * within a few milliseconds of its commit; polling every 50 ms cost ~45 ms per wait, about 100 waits: ~4.5 s
 * of the embedded start-up (docs/decisions/0031-embedded-footprint.md).
 */
const POLL_MS = 5;
const POLLS = 4_000; // about 20 s

/** Retries `step` while it fails with one of `codes` (an event not handled yet), up to about 20 s. */
async function once<T>(step: () => Promise<T>, codes: readonly string[]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof AppError) || !codes.includes(error.code) || attempt > POLLS) throw error;
      await sleep(POLL_MS);
    }
  }
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < POLLS; attempt++) {
    if (await check()) return;
    await sleep(POLL_MS);
  }
  throw new Error(`demo history: ${what} did not happen`);
}

/** The bookings, oldest first, one every ~1.2 days over the last eight weeks, 09:00 Seoul time. */
export function demoBookingPlan(now: Date, caregiverCount: number): { caregiver: number; startAt: Date; hours: number }[] {
  const bookings = DEMO_BOOKINGS_PER_CAREGIVER.slice(0, caregiverCount).flatMap((count, caregiver) => Array.from({ length: count }, () => caregiver));
  // Interleave caregivers (deterministically) so each one's bookings spread over the weeks.
  const order = bookings.map((caregiver, i) => ({ caregiver, key: (i * 37) % bookings.length })).sort((a, b) => a.key - b.key);
  const firstDay = Math.floor((now.getTime() + 9 * HOUR) / DAY) * DAY - 9 * HOUR - 56 * DAY; // 00:00 Seoul, eight weeks ago
  const spacing = (54 * DAY) / Math.max(1, order.length);
  return order.map(({ caregiver }, i) => {
    const day = firstDay + Math.floor((i * spacing) / DAY) * DAY;
    return { caregiver, startAt: new Date(day + 9 * HOUR), hours: 4 + (i % 3) * 2 };
  });
}

/**
 * Loads the history; the clock is back at now afterwards, whatever happens. A step that fails stops the
 * history (logged): the demo is still usable, only with fewer past bookings. Returns the bookings finished.
 */
export async function seedDemoHistory(platform: Platform, modules: Modules, people: HistoryPeople, clock: TimeMachine): Promise<number> {
  const plan = demoBookingPlan(platform.clock.now(), people.caregivers.length);
  const { reservations, payments, reviews } = modules;
  let made = 0;
  try {
    for (const [i, booking] of plan.entries()) {
      const caregiver = people.caregivers[booking.caregiver]!;
      const guardianId = people.guardianIds[i % people.guardianIds.length]!;
      const guardian: Actor = { userId: guardianId, role: 'GUARDIAN', tokenId: 'demo-seed', expiresAt: 0 };
      const carer: Actor = { userId: caregiver.userId, role: 'CAREGIVER', tokenId: 'demo-seed', expiresAt: 0 };
      const region = caregiver.person.regions[0]!;
      const endAt = new Date(booking.startAt.getTime() + booking.hours * HOUR);

      clock.travelTo(new Date(booking.startAt.getTime() - 12 * HOUR));
      const reservation = await reservations.useCases.createReservation(guardianId, {
        caregiverId: caregiver.profileId,
        serviceType: caregiver.person.serviceTypes[0]!,
        rateType: 'HOURLY',
        startAt: booking.startAt.toISOString(),
        endAt: endAt.toISOString(),
        location: { sido: region.sido, ...(region.sigungu ? { sigungu: region.sigungu } : {}), address: '시립병원 5층 병동' },
        patient: { name: PATIENTS[i % PATIENTS.length]!, birthYear: 1935 + (i % 20), conditions: [] },
      });
      clock.travelTo(new Date(booking.startAt.getTime() - 11 * HOUR));
      await reservations.useCases.acceptReservation(carer, reservation.id, {});
      clock.travelTo(new Date(booking.startAt.getTime() - 10 * HOUR));
      const { view } = await once(() => payments.useCases.createPayment(guardianId, reservation.id), ['RESERVATION_NOT_PAYABLE', 'RESERVATION_NOT_FOUND']);
      const paid = await payments.useCases.sandboxCheckout(guardianId, { orderId: view.orderId, outcome: 'success', card: 'ok' });
      if ('code' in paid) throw new Error(`demo history: the sandbox refused the payment (${paid.code})`);
      await payments.useCases.confirmPayment(guardianId, { paymentKey: paid.paymentKey, orderId: paid.orderId, amount: paid.amount });
      const status = async () => (await reservations.useCases.getReservation(guardian, reservation.id)).status;
      await until('the payment to confirm the booking', async () => (await status()) === 'CONFIRMED');

      clock.travelTo(new Date(booking.startAt.getTime() - 10 * 60_000));
      await reservations.useCases.checkIn(carer, reservation.id);
      clock.travelTo(new Date(endAt.getTime() + 10 * 60_000));
      await reservations.useCases.checkOut(carer, reservation.id);
      made += 1;
      if ((i + 1) % UNREVIEWED_EVERY === 0) continue;

      clock.travelTo(new Date(endAt.getTime() + 2 * HOUR));
      const rating = DEMO_RATING_CYCLE[i % DEMO_RATING_CYCLE.length]!;
      const texts = DEMO_REVIEW_TEXTS[rating];
      const content = texts[Math.floor(i / DEMO_RATING_CYCLE.length + i) % texts.length]!;
      await once(() => reviews.useCases.createReview(guardian, { reservationId: reservation.id, rating, content }), ['RESERVATION_NOT_COMPLETED', 'RESERVATION_NOT_FOUND']);
    }
  } catch (error) {
    platform.logger.warn({ err: error, made }, 'demo history stopped early: the demo has fewer past bookings');
  } finally {
    clock.backToNow();
  }
  return made;
}

const PATIENTS = ['김순례', '이복남', '박말순', '최영자', '정동수', '강춘자', '조옥희', '윤상철', '장금순', '임정례'];
