import { kstIso } from '../../../platform/kst.ts';
import type { ProviderPayment } from './provider.ts';

// Toss's rules for confirm and cancel, as the sandbox plays them: pure functions from a payment and a
// request to the next payment or a refusal `{code, message, httpStatus}` with Toss's own code, so the
// payments module meets the same answers with either provider. Facts from docs.tosspayments.com
// (confirm within 10 minutes, cancels within one second, error codes and statuses).

/** A payment as the sandbox keeps it: Toss's view plus what the sandbox needs to play the rules. */
export interface SandboxPayment extends ProviderPayment {
  /** When the payer authorised it in the widget; confirm must follow within CONFIRM_WINDOW_MS. */
  requestedAtMs: number;
  /** Set at checkout to make the approval at confirm fail, as a card company refusal would. */
  declineOnConfirm: boolean;
  lastCancelAtMs: number | null;
}

export interface Refusal {
  code: string;
  message: string;
  httpStatus: number;
}

/** A refusal may still change the payment (a declined approval leaves it ABORTED). */
export type RuleResult = { ok: true; payment: SandboxPayment } | { ok: false; refusal: Refusal; payment?: SandboxPayment };

export const CONFIRM_WINDOW_MS = 10 * 60_000;
/** Toss processes only the first of several cancels of one payment within a second. */
export const CANCEL_SPACING_MS = 1_000;
export const ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;

const refuse = (httpStatus: number, code: string, message: string, payment?: SandboxPayment): RuleResult => ({
  ok: false,
  refusal: { code, message, httpStatus },
  ...(payment ? { payment } : {}),
});

export function newPendingPayment(input: { paymentKey: string; orderId: string; amount: number; declineOnConfirm: boolean; now: Date }): SandboxPayment {
  return {
    paymentKey: input.paymentKey,
    orderId: input.orderId,
    status: 'IN_PROGRESS',
    totalAmount: input.amount,
    balanceAmount: input.amount,
    // The payer chose a card in the widget; Toss names methods in Korean.
    method: '카드',
    approvedAt: null,
    // The sandbox has no receipt page to link to.
    receiptUrl: null,
    cancels: [],
    requestedAtMs: input.now.getTime(),
    declineOnConfirm: input.declineOnConfirm,
    lastCancelAtMs: null,
  };
}

export function confirmRule(payment: SandboxPayment | undefined, input: { orderId: string; amount: number }, now: Date): RuleResult {
  if (!payment || payment.orderId !== input.orderId) return refuse(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
  if (payment.status !== 'IN_PROGRESS') return refuse(400, 'ALREADY_PROCESSED_PAYMENT', '이미 처리된 결제 입니다.');
  if (now.getTime() - payment.requestedAtMs > CONFIRM_WINDOW_MS) {
    return refuse(404, 'NOT_FOUND_PAYMENT_SESSION', '결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.', { ...payment, status: 'EXPIRED' });
  }
  if (input.amount !== payment.totalAmount) return refuse(400, 'INVALID_REQUEST', '결제 금액이 일치하지 않습니다.');
  if (payment.declineOnConfirm) {
    return refuse(403, 'REJECT_CARD_PAYMENT', '한도초과 혹은 잔액부족으로 결제에 실패했습니다.', { ...payment, status: 'ABORTED' });
  }
  return { ok: true, payment: { ...payment, status: 'DONE', approvedAt: kstIso(now) } };
}

export function cancelRule(
  payment: SandboxPayment | undefined,
  input: { cancelReason: string; cancelAmount?: number | undefined; transactionKey: string },
  now: Date,
): RuleResult {
  if (!payment) return refuse(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
  if (input.cancelReason.trim() === '' || input.cancelReason.length > 200) return refuse(400, 'INVALID_REQUEST', '취소 사유를 입력해주세요.');
  if (payment.status === 'CANCELED') return refuse(400, 'ALREADY_CANCELED_PAYMENT', '이미 취소된 결제 입니다.');
  if (payment.status !== 'DONE' && payment.status !== 'PARTIAL_CANCELED') return refuse(403, 'NOT_CANCELABLE_PAYMENT', '취소 할 수 없는 결제 입니다.');
  if (payment.lastCancelAtMs !== null && now.getTime() - payment.lastCancelAtMs < CANCEL_SPACING_MS) {
    return refuse(403, 'FORBIDDEN_CONSECUTIVE_REQUEST', '반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요.');
  }
  const amount = input.cancelAmount ?? payment.balanceAmount;
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > payment.balanceAmount) {
    return refuse(403, 'NOT_CANCELABLE_AMOUNT', '취소 할 수 없는 금액 입니다.');
  }
  const balanceAmount = payment.balanceAmount - amount;
  return {
    ok: true,
    payment: {
      ...payment,
      status: balanceAmount === 0 ? 'CANCELED' : 'PARTIAL_CANCELED',
      balanceAmount,
      cancels: [...payment.cancels, { cancelAmount: amount, cancelReason: input.cancelReason, canceledAt: kstIso(now), transactionKey: input.transactionKey }],
      lastCancelAtMs: now.getTime(),
    },
  };
}

/** Toss's view of a sandbox payment, without the sandbox's bookkeeping. */
export function publicView(payment: SandboxPayment): ProviderPayment {
  const { requestedAtMs: _requested, declineOnConfirm: _decline, lastCancelAtMs: _lastCancel, ...view } = payment;
  return { ...view, cancels: view.cancels.map((entry) => ({ ...entry })) };
}
