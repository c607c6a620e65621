import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { findPaymentByOrderId } from '../db/payments.repo.ts';
import type { SandboxCheckoutResult } from '../providers/sandbox.ts';
import type { PaymentsDeps } from './deps.ts';
import type { SandboxCheckoutInput } from './schemas.ts';

export type { SandboxCheckoutInput };

/**
 * The paying guardian plays the payer's part of the Toss widget against the sandbox and gets what Toss
 * would put in the redirect. The amount is the order's: a client never names one.
 */
export function makeSandboxCheckout(deps: PaymentsDeps) {
  return async function sandboxCheckout(guardianId: string, input: SandboxCheckoutInput): Promise<SandboxCheckoutResult> {
    const { sandbox } = deps;
    if (!sandbox) throw new AppError('not_found', 'ROUTE_NOT_FOUND', 'The sandbox checkout exists only with the sandbox provider');
    const order = await findPaymentByOrderId(deps.platform.database.db, input.orderId);
    if (!order || order.guardian_id !== guardianId) throw notFound('Payment', 'PAYMENT_NOT_FOUND');
    if (order.status !== 'READY') throw conflict('PAYMENT_NOT_PAYABLE', `This order is ${order.status}; it cannot be paid again`);
    return sandbox.checkout({ orderId: order.order_id, amount: order.amount, outcome: input.outcome, ...(input.card ? { card: input.card } : {}) });
  };
}
