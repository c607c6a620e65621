import type { PaymentRow } from '../db/payments.repo.ts';
import { applyProviderState } from './apply-provider-state.ts';
import type { PaymentsDeps } from './deps.ts';

export type Reconciled =
  /** The provider answered; `row` is our payment after storing what it said. */
  | { readonly kind: 'read'; readonly row: PaymentRow }
  /** The provider answered that it has no payment for this order. */
  | { readonly kind: 'unknown' }
  /** The provider could not be read: nothing is known. */
  | { readonly kind: 'unreadable' };

/** Reads the order from the provider and stores what it says (the provider is the truth about money). */
export async function reconcileOrder(deps: PaymentsDeps, row: PaymentRow): Promise<Reconciled> {
  let payment;
  try {
    payment = await deps.provider.getPaymentByOrderId(row.order_id);
  } catch (error) {
    deps.logger.warn({ err: error, paymentId: row.id }, 'could not read the order from the provider');
    return { kind: 'unreadable' };
  }
  if (!payment) return { kind: 'unknown' };
  return { kind: 'read', row: (await applyProviderState(deps, row.id, payment)).row };
}
