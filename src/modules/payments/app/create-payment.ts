import { conflict, notFound } from '../../../platform/errors.ts';
import { newId, newSecret } from '../../../platform/ids.ts';
import { orderIdFor, orderNameOf } from '../domain/confirm.ts';
import { customerKeyOf, findLivePayment, insertPayment, type PaymentRow } from '../db/payments.repo.ts';
import type { PaymentsDeps } from './deps.ts';
import { paymentUpdated } from './events.ts';
import { toCheckoutView, type CheckoutView } from './payment-view.ts';

/**
 * Guardian: opens the order the payment widget pays, for an ACCEPTED reservation of theirs. The amount
 * is the reservation's (the server's price, never the client's). Asking again answers the same READY
 * order (`created: false`), so a page reload never makes a second one.
 */
export function makeCreatePayment(deps: PaymentsDeps) {
  const { platform, reservations } = deps;
  const { db } = platform.database;

  return async function createPayment(guardianId: string, reservationId: string): Promise<{ view: CheckoutView; created: boolean }> {
    const reservation = await reservations.findPayable(reservationId, guardianId);
    // Only its guardian pays; anyone else (the caregiver included) learns nothing about it.
    if (!reservation || reservation.guardianId !== guardianId) throw notFound('Reservation', 'RESERVATION_NOT_FOUND');
    const now = platform.clock.now();
    const customerKey = await customerKeyOf(db, guardianId, `ck_${newSecret(24)}`, now);
    const view = (row: PaymentRow) => toCheckoutView(row, { customerKey, clientKey: deps.clientKey });

    const existing = await findLivePayment(db, reservationId);
    if (existing && existing.status !== 'READY') return { view: reuse(existing, view), created: false };
    if (reservation.status !== 'ACCEPTED') {
      throw conflict('RESERVATION_NOT_PAYABLE', `Only an ACCEPTED reservation can be paid; this one is ${reservation.status}`);
    }
    if (existing) return { view: view(existing), created: false };

    const id = newId();
    const row: PaymentRow = {
      id,
      reservation_id: reservationId,
      guardian_id: guardianId,
      caregiver_user_id: reservation.caregiverUserId,
      caregiver_id: reservation.caregiverId,
      order_id: orderIdFor(id),
      order_name: orderNameOf(reservation.orderName),
      amount: reservation.totalAmount,
      status: 'READY',
      provider: deps.provider.name,
      payment_key: null,
      method: null,
      approved_at: null,
      receipt_url: null,
      balance_amount: reservation.totalAmount,
      cancels: [],
      failure_code: null,
      failure_message: null,
      confirm_attempts: 0,
      confirm_key_generation: 0,
      last_confirm_at: null,
      created_at: now,
      updated_at: now,
    };
    const inserted = await platform.transact(async (tx, emit) => {
      if (!(await insertPayment(tx, row))) return false;
      emit(paymentUpdated(row));
      return true;
    });
    if (inserted) {
      return { view: view(row), created: true };
    }
    // Another request for the same reservation won the race: answer its order.
    const winner = await findLivePayment(db, reservationId);
    if (!winner) throw conflict('PAYMENT_CONFLICT', 'The payment changed while it was being opened; try again');
    return { view: reuse(winner, view), created: false };
  };
}

function reuse(existing: PaymentRow, view: (row: PaymentRow) => CheckoutView): CheckoutView {
  if (existing.status === 'READY') return view(existing);
  if (existing.status === 'IN_PROGRESS') {
    throw conflict('PAYMENT_IN_PROGRESS', 'A payment for this reservation is being confirmed; wait for its outcome');
  }
  throw conflict('RESERVATION_ALREADY_PAID', 'This reservation is already paid');
}
