import { PROVIDER_PAYMENT_STATUSES, type ProviderCancel, type ProviderPayment, type ProviderPaymentStatus } from './provider.ts';
import { ProviderError, TRANSPORT_CODES } from './provider-errors.ts';

// Reads Toss's Payment object (docs.tosspayments.com/reference#payment-객체) into ProviderPayment.
// Only the fields CareNest uses are read; everything else Toss adds is ignored, so new fields never
// break us. A body without the fields we rely on is treated as a provider fault, never trusted.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(what: string): ProviderError {
  return new ProviderError({
    reason: 'unavailable',
    providerCode: TRANSPORT_CODES.invalidResponse,
    providerMessage: `Toss answered a Payment object without a valid ${what}`,
  });
}

function text(body: Json, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw invalid(field);
  return value;
}

function textOrNull(body: Json, field: string): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(field);
  return value;
}

function amount(body: Json, field: string): number {
  const value = body[field];
  // KRW has no minor unit: an amount is a whole number of won.
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid(field);
  return value;
}

function status(body: Json): ProviderPaymentStatus {
  const value = body.status;
  if (!PROVIDER_PAYMENT_STATUSES.includes(value as ProviderPaymentStatus)) throw invalid('status');
  return value as ProviderPaymentStatus;
}

function cancel(entry: unknown): ProviderCancel {
  if (!isObject(entry)) throw invalid('cancels entry');
  return {
    cancelAmount: amount(entry, 'cancelAmount'),
    // Toss may send an empty reason (cancelled from its dashboard); keep it as it came.
    cancelReason: typeof entry.cancelReason === 'string' ? entry.cancelReason : '',
    canceledAt: text(entry, 'canceledAt'),
    transactionKey: text(entry, 'transactionKey'),
  };
}

export function parseTossPayment(body: unknown): ProviderPayment {
  if (!isObject(body)) throw invalid('body');
  const receipt = body.receipt;
  const cancels = body.cancels;
  if (cancels !== null && cancels !== undefined && !Array.isArray(cancels)) throw invalid('cancels');
  return {
    paymentKey: text(body, 'paymentKey'),
    orderId: text(body, 'orderId'),
    status: status(body),
    totalAmount: amount(body, 'totalAmount'),
    balanceAmount: amount(body, 'balanceAmount'),
    // Toss sends "" as well as null before a method is chosen.
    method: textOrNull(body, 'method') || null,
    approvedAt: textOrNull(body, 'approvedAt'),
    receiptUrl: isObject(receipt) && typeof receipt.url === 'string' ? receipt.url : null,
    // null until the first cancel.
    cancels: (cancels ?? []).map(cancel),
  };
}

/** Toss's error body `{code, message}`; undefined when the body is something else (a proxy's HTML page). */
export function parseTossError(body: unknown): { code: string; message: string } | undefined {
  if (!isObject(body) || typeof body.code !== 'string') return undefined;
  return { code: body.code, message: typeof body.message === 'string' ? body.message : body.code };
}
