import { expect } from 'vitest';
import type { TestApp, TestUser } from '../support/app.ts';
import { at, bookingInput, D, H, NOW } from '../reservations/support.ts';
import { confirmPayment, requests, type BookingCaregiver } from '../reservations/http-support.ts';

// Shared by the reviews tests: a reservation taken to COMPLETED honestly, through HTTP (book, accept,
// check in, check out on the fixed clock) and the saga's payment.confirmed.v1.

export type Clock = { set(at: Date | string): void };

let slot = 0;

/** A reservation of `guardian` with `caregiver`, taken as far as `until`; each call books another day. */
export async function reservationUpTo(
  t: TestApp,
  clock: Clock,
  guardian: TestUser,
  caregiver: BookingCaregiver,
  until: 'REQUESTED' | 'CONFIRMED' | 'COMPLETED' = 'COMPLETED',
): Promise<string> {
  const http = requests(t);
  slot += 1;
  const startMs = 2 * D + slot * D;
  clock.set(NOW);
  const booked = await http.post('/reservations', guardian, bookingInput(caregiver.caregiverId, { startAt: at(startMs), endAt: at(startMs + 8 * H) }));
  expect(booked.statusCode, booked.body).toBe(201);
  const r = booked.json() as { id: string; guardianId: string; totalAmount: number };
  if (until === 'REQUESTED') return r.id;
  expect((await http.post(`/reservations/${r.id}/accept`, caregiver, {})).statusCode).toBe(200);
  await confirmPayment(t, r);
  if (until === 'CONFIRMED') return r.id;
  clock.set(at(startMs - 10 * 60_000));
  expect((await http.post(`/reservations/${r.id}/check-in`, caregiver)).statusCode).toBe(200);
  clock.set(at(startMs + 8 * H));
  const out = await http.post(`/reservations/${r.id}/check-out`, caregiver);
  expect(out.json()).toMatchObject({ status: 'COMPLETED' });
  clock.set(NOW);
  await t.settle();
  return r.id;
}
