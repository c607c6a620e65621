import { makeAdminListPayments } from './admin-list-payments.ts';
import { makeConfirmPayment } from './confirm-payment.ts';
import { makeCreatePayment } from './create-payment.ts';
import type { PaymentsDeps } from './deps.ts';
import { makeGetPayment } from './get-payment.ts';
import { makeHandleTossWebhook } from './handle-webhook.ts';
import { makeMoneySeries } from './money-series.ts';
import { makePaymentsOfUser } from './payments-of-user.ts';
import { makeProcessRefunds } from './process-refunds.ts';
import { makePaymentTotals } from './payment-totals.ts';
import { makeReconcileConfirmations } from './reconcile-confirmations.ts';
import { makeSandboxCheckout } from './sandbox-checkout.ts';
import { makeSettledAmounts } from './settled-amounts.ts';

export type PaymentsUseCases = ReturnType<typeof makePaymentsUseCases>;

/** Every payments use case, built once; routes, consumers and the saga worker call them. */
export function makePaymentsUseCases(deps: PaymentsDeps) {
  const refunds = makeProcessRefunds(deps);
  return {
    createPayment: makeCreatePayment(deps),
    confirmPayment: makeConfirmPayment(deps),
    getPayment: makeGetPayment(deps),
    handleTossWebhook: makeHandleTossWebhook(deps),
    sandboxCheckout: makeSandboxCheckout(deps),
    processRefund: refunds.processRefund,
    processDueRefunds: refunds.processDueRefunds,
    reconcileConfirmations: makeReconcileConfirmations(deps),
    settledAmounts: makeSettledAmounts(deps),
    adminListPayments: makeAdminListPayments(deps),
    paymentTotals: makePaymentTotals(deps),
    moneySeries: makeMoneySeries(deps),
    paymentsOfUser: makePaymentsOfUser(deps),
  };
}
