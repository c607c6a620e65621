import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inTransaction } from '../../src/platform/db/database.ts';
import { AppError } from '../../src/platform/errors.ts';
import type { EventConsumer } from '../../src/platform/events/event.ts';
import { handleOnce } from '../../src/platform/events/inbox.ts';
import { newId } from '../../src/platform/ids.ts';
import { databaseKinds } from '../support/database.ts';
import { noEmit } from '../support/platform.ts';
import { openCaregiversModule, profileInput } from './support.ts';
import { random } from './search-fixture.ts';
import { booking, deliver, reservationEvent, type Booking } from './reservation-events.ts';
import type { ReservationStatus } from '../../src/modules/reservations/contract.ts';
import { BUSY_SLOTS_CONSUMER } from '../../src/modules/caregivers/app/busy-slots-consumer.ts';

// The busy-slots consumer on a real database, fed with events built from the reservations contract,
// and the busy calendar that reads what it keeps.

const T0 = Date.parse('2026-11-20T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const TERMINAL: ReservationStatus[] = ['REJECTED', 'CANCELLED', 'EXPIRED', 'COMPLETED'];

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (error: unknown) => error);
}

describe.each(databaseKinds())('busy slots on %s', (kind) => {
  let h: Awaited<ReturnType<typeof openCaregiversModule>>;
  let consumer: EventConsumer;
  let caregiver = '';
  let other = '';
  let pending = '';
  let calendar = '';
  let day = 0;

  beforeAll(async () => {
    h = await openCaregiversModule(kind);
    consumer = h.module.consumers!.find((c) => c.name === BUSY_SLOTS_CONSUMER)!;
    const approved = async () => {
      const profile = await h.useCases.createProfile(newId(), profileInput());
      await h.useCases.approveProfile(profile.id);
      return profile.id;
    };
    caregiver = await approved();
    other = await approved();
    calendar = await approved();
    pending = (await h.useCases.createProfile(newId(), profileInput())).id;
  });
  afterAll(async () => {
    await h.close();
  });

  /** A booking on a day of its own in 2027 (09:00-13:00 KST), so tests do not see each other's slots. */
  function freshBooking(caregiverId = caregiver): Booking {
    day += 1;
    const date = new Date(Date.UTC(2027, 0, day)).toISOString().slice(0, 10);
    return booking(caregiverId, `${date}T09:00:00+09:00`, `${date}T13:00:00+09:00`);
  }
  const dayOf = (b: Booking) => ({ from: `${b.startAt.slice(0, 10)}T00:00:00+09:00`, to: `${b.startAt.slice(0, 10)}T23:59:59+09:00` });
  const busyOn = (b: Booking) => h.useCases.getBusyTimes(b.caregiverId, dayOf(b));
  const asBusy = (b: Booking) => [{ startAt: new Date(b.startAt).toISOString(), endAt: new Date(b.endAt).toISOString() }];
  const send = (b: Booking, steps: [ReservationStatus, number][]) =>
    deliver(h.db, consumer, steps.map(([status, minute]) => reservationEvent(b, status, at(minute))));
  async function row(b: Booking) {
    const result = await sql<{ status: string; active: boolean; caregiver_id: string }>`
      SELECT status, active, caregiver_id FROM caregivers.busy_slots WHERE reservation_id = ${b.reservationId}`.execute(h.db);
    return result.rows;
  }

  it('subscribes to every reservation status event under a stable name', () => {
    expect(consumer.name).toBe('caregivers.busy-slots');
    expect([...consumer.types].sort()).toEqual([
      'reservation.accepted.v1', 'reservation.cancelled.v1', 'reservation.checked_in.v1', 'reservation.completed.v1',
      'reservation.confirmed.v1', 'reservation.expired.v1', 'reservation.rejected.v1', 'reservation.requested.v1',
    ]);
  });

  it('holds the slot through every active status, as one row', async () => {
    const b = freshBooking();
    await send(b, [['REQUESTED', 0]]);
    expect(await busyOn(b)).toEqual(asBusy(b));
    await send(b, [['ACCEPTED', 1], ['CONFIRMED', 2], ['IN_PROGRESS', 3]]);
    expect(await busyOn(b)).toEqual(asBusy(b));
    expect(await row(b)).toEqual([{ status: 'IN_PROGRESS', active: true, caregiver_id: caregiver }]);
  });

  it.each(TERMINAL)('frees the slot when the reservation ends %s, keeping a tombstone', async (status) => {
    const b = freshBooking();
    await send(b, [['REQUESTED', 0], ['ACCEPTED', 1]]);
    expect(await busyOn(b)).toEqual(asBusy(b));
    await send(b, [[status, 2]]);
    expect(await busyOn(b)).toEqual([]);
    expect(await row(b)).toEqual([{ status, active: false, caregiver_id: caregiver }]);
  });

  it('changes nothing on duplicates: the same event redelivered, or the same fact in a new event', async () => {
    const b = freshBooking();
    const requested = reservationEvent(b, 'REQUESTED', at(0));
    expect(await handleOnce(h.platform, consumer, requested)).toBe('handled');
    expect(await handleOnce(h.platform, consumer, requested)).toBe('duplicate');
    await deliver(h.db, consumer, [requested, requested, { ...requested, id: newId() }]);
    expect(await busyOn(b)).toEqual(asBusy(b));
    await send(b, [['CANCELLED', 5], ['CANCELLED', 5], ['CANCELLED', 6]]);
    expect(await busyOn(b)).toEqual([]);
    expect(await row(b)).toEqual([{ status: 'CANCELLED', active: false, caregiver_id: caregiver }]);
  });

  it('does not bring an ended reservation back when a late active event arrives', async () => {
    const b = freshBooking();
    await send(b, [['REQUESTED', 0], ['CANCELLED', 2]]);
    // Late, replayed, or stamped later by a skewed clock: an ended reservation stays ended.
    await send(b, [['REQUESTED', 0], ['ACCEPTED', 1], ['CONFIRMED', 60]]);
    expect(await busyOn(b)).toEqual([]);
    expect(await row(b)).toEqual([{ status: 'CANCELLED', active: false, caregiver_id: caregiver }]);
  });

  it('keeps a tombstone when the ending arrives before anything else', async () => {
    const b = freshBooking();
    await send(b, [['EXPIRED', 10], ['REQUESTED', 0], ['ACCEPTED', 5]]);
    expect(await busyOn(b)).toEqual([]);
    expect(await row(b)).toEqual([{ status: 'EXPIRED', active: false, caregiver_id: caregiver }]);
    // A second, different ending does not overwrite the first.
    await send(b, [['COMPLETED', 20]]);
    expect(await row(b)).toEqual([{ status: 'EXPIRED', active: false, caregiver_id: caregiver }]);
  });

  it('keeps the newer of two active events, a tie going to the later status', async () => {
    const b = freshBooking();
    await send(b, [['CONFIRMED', 5], ['REQUESTED', 1], ['ACCEPTED', 3]]);
    expect(await row(b)).toEqual([{ status: 'CONFIRMED', active: true, caregiver_id: caregiver }]);
    const c = freshBooking();
    await send(c, [['ACCEPTED', 1], ['REQUESTED', 1]]);
    expect(await row(c)).toEqual([{ status: 'ACCEPTED', active: true, caregiver_id: caregiver }]);
    expect(await busyOn(c)).toEqual(asBusy(c));
  });

  it('ends where the history ends, whatever the delivery order and duplicates', async () => {
    const histories: ReservationStatus[][] = [
      ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED'],
      ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'CANCELLED'],
      ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS'],
      ['REQUESTED', 'REJECTED'],
      ['REQUESTED', 'ACCEPTED', 'EXPIRED'],
      ['REQUESTED', 'ACCEPTED'],
    ];
    const next = random(3);
    for (let round = 0; round < 4; round++) {
      for (const history of histories) {
        const b = freshBooking();
        const events = history.map((status, i) => reservationEvent(b, status, at(i)));
        const deliveries = [...events, ...events.filter(() => next() < 0.3)].sort(() => next() - 0.5);
        await deliver(h.db, consumer, deliveries);
        const last = history.at(-1)!;
        expect(await row(b), `${history.join('>')} delivered as ${deliveries.map((e) => e.payload.status).join(',')}`).toEqual([
          { status: last, active: !TERMINAL.includes(last), caregiver_id: caregiver },
        ]);
      }
    }
  });

  it('ends where the history ends when the events come in one batch, as one by one (handleBatch)', async () => {
    const histories: ReservationStatus[][] = [
      ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'CANCELLED'],
      ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS'],
      ['EXPIRED', 'REQUESTED', 'ACCEPTED'],
      ['REQUESTED'],
    ];
    const bookings = histories.map(() => freshBooking());
    const already = freshBooking(); // a row that exists before the batch
    await send(already, [['REQUESTED', 0]]);
    const events = [
      ...histories.flatMap((history, i) => history.map((status, k) => reservationEvent(bookings[i]!, status, at(status === 'EXPIRED' ? 10 : k)))),
      reservationEvent(already, 'CANCELLED', at(3)),
    ].sort((x, y) => x.payload.reservationId.localeCompare(y.payload.reservationId)); // grouped by reservation, each in its order (stable sort)
    expect(consumer.batch).toBe(true);
    await inTransaction(h.db, (tx) => consumer.handleBatch!(events, tx, noEmit));
    const expected = ['CANCELLED', 'IN_PROGRESS', 'EXPIRED', 'REQUESTED'];
    for (const [i, b] of bookings.entries()) {
      const last = expected[i] as ReservationStatus;
      expect(await row(b)).toEqual([{ status: last, active: !TERMINAL.includes(last), caregiver_id: caregiver }]);
    }
    expect(await row(already)).toEqual([{ status: 'CANCELLED', active: false, caregiver_id: caregiver }]);
  });

  it('refuses events that break the contract, writing nothing (the bus retries, then dead-letters)', async () => {
    const b = freshBooking();
    const good = reservationEvent(b, 'REQUESTED', at(0));
    const broken = [
      { ...good, payload: { ...good.payload, endAt: good.payload.startAt } },
      { ...good, payload: { ...good.payload, startAt: '2027-01-01T09:00:00' } },
      { ...good, payload: { ...good.payload, caregiverId: 'not-a-uuid' } },
      { ...good, payload: { ...good.payload, status: 'LOST' as ReservationStatus } },
      { ...good, occurredAt: 'yesterday' },
    ];
    for (const event of broken) {
      // What the schema can say, the bus finds before the handler runs; the rest the handler refuses.
      const problem = consumer.problem(event);
      if (problem !== undefined) {
        expect(problem).toMatch(/payload does not match reservation\.requested\.v1/);
        continue;
      }
      const error = await failure(inTransaction(h.db, (tx) => consumer.handle(event, tx, noEmit)));
      expect(error, JSON.stringify(event.payload)).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/breaks the reservation event contract/);
    }
    expect(await row(b)).toEqual([]);
  });

  it('never brings a reservation back when its request and its ending race', async () => {
    const bookings = Array.from({ length: 20 }, () => freshBooking(other));
    await Promise.all(
      bookings.flatMap((b, i) => {
        const events = [reservationEvent(b, 'REQUESTED', at(0)), reservationEvent(b, 'CANCELLED', at(1))];
        if (i % 2 === 1) events.reverse();
        return events.map((event) => inTransaction(h.db, (tx) => consumer.handle(event, tx, noEmit)));
      }),
    );
    for (const b of bookings) expect(await row(b)).toEqual([{ status: 'CANCELLED', active: false, caregiver_id: other }]);
  });

  describe('the busy calendar', () => {
    let slots: Booking[] = [];
    beforeAll(async () => {
      // Three reservations on 2026-12-20 (KST), given out of order; one ended; one of another caregiver.
      slots = [
        booking(calendar, '2026-12-20T18:00:00+09:00', '2026-12-21T09:00:00+09:00'),
        booking(calendar, '2026-12-20T09:00:00+09:00', '2026-12-20T13:00:00+09:00'),
        booking(calendar, '2026-12-20T13:00:00+09:00', '2026-12-20T15:00:00+09:00'),
      ];
      const ended = booking(calendar, '2026-12-20T15:00:00+09:00', '2026-12-20T18:00:00+09:00');
      const others = booking(other, '2026-12-20T09:00:00+09:00', '2026-12-20T18:00:00+09:00');
      await deliver(h.db, consumer, [
        ...slots.map((b) => reservationEvent(b, 'CONFIRMED', at(0))),
        reservationEvent(ended, 'REQUESTED', at(0)),
        reservationEvent(ended, 'CANCELLED', at(1)),
        reservationEvent(others, 'ACCEPTED', at(0)),
      ]);
    });
    const busy = (from: string, to: string) => h.useCases.getBusyTimes(calendar, { from, to });

    it('lists the overlapping active slots earliest first, whole, in UTC, and nothing else', async () => {
      expect(await busy('2026-12-20T00:00:00+09:00', '2026-12-21T00:00:00+09:00')).toEqual([
        { startAt: '2026-12-20T00:00:00.000Z', endAt: '2026-12-20T04:00:00.000Z' },
        { startAt: '2026-12-20T04:00:00.000Z', endAt: '2026-12-20T06:00:00.000Z' },
        { startAt: '2026-12-20T09:00:00.000Z', endAt: '2026-12-21T00:00:00.000Z' },
      ]);
    });

    it('treats windows as [from, to): slots touching an end are not in it', async () => {
      // 13:00-18:00 KST: the 09-13 slot ends at from, the 18-09 slot starts at to; only 13-15 overlaps.
      expect(await busy('2026-12-20T04:00:00Z', '2026-12-20T09:00:00Z')).toEqual([
        { startAt: '2026-12-20T04:00:00.000Z', endAt: '2026-12-20T06:00:00.000Z' },
      ]);
      expect(await busy('2026-12-20T15:00:00+09:00', '2026-12-20T18:00:00+09:00')).toEqual([]);
      expect(await busy('2026-12-20T15:00:00+09:00', '2026-12-20T18:00:00.001+09:00')).toHaveLength(1);
      expect(await busy('2026-12-21T08:59:59+09:00', '2026-12-21T10:00:00+09:00')).toHaveLength(1);
    });

    it('answers 404 for caregivers the public may not see, before looking at slots', async () => {
      for (const id of [pending, newId(), 'not-a-uuid']) {
        const error = await failure(h.useCases.getBusyTimes(id, { from: '2026-12-20T00:00:00Z', to: '2026-12-21T00:00:00Z' }));
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('CAREGIVER_NOT_FOUND');
      }
    });

    it.each([
      [{ to: '2026-12-21T00:00:00Z' }, ['from']],
      [{ from: '2026-12-20T00:00:00Z' }, ['to']],
      [{}, ['from', 'to']],
      [{ from: '2026-12-20T00:00:00', to: '2026-12-21T00:00:00Z' }, ['from']],
      [{ from: '2026-02-30T00:00:00Z', to: '2026-03-02T00:00:00Z' }, ['from']],
      [{ from: '2026-12-21T00:00:00Z', to: '2026-12-20T00:00:00Z' }, ['to']],
      [{ from: '2026-12-20T00:00:00Z', to: '2026-12-20T00:00:00Z' }, ['to']],
      [{ from: '2026-12-01T00:00:00Z', to: '2027-03-03T00:00:01Z' }, ['to']],
    ])('refuses %j with VALIDATION_FAILED on %j', async (query, fields) => {
      const error = await failure(h.useCases.getBusyTimes(calendar, query));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
      expect((error as AppError).errors?.map((e) => e.field)).toEqual(fields);
    });

    it('accepts a window of exactly 92 days', async () => {
      expect(await busy('2026-12-01T00:00:00Z', '2027-03-03T00:00:00Z')).toHaveLength(3);
    });
  });
});
