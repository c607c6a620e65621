import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { ProviderError, appErrorFor, classifyProviderCode, isProviderError, isRetryable, providerError, type ProviderOperation } from './provider-errors.ts';

describe('classifyProviderCode', () => {
  const cases: [code: string, status: number | undefined, operation: ProviderOperation, reason: string][] = [
    ['REJECT_CARD_PAYMENT', 403, 'confirm', 'rejected'],
    ['INVALID_REJECT_CARD', 400, 'confirm', 'rejected'],
    ['REJECT_CARD_COMPANY', 403, 'confirm', 'rejected'],
    ['BELOW_MINIMUM_AMOUNT', 400, 'confirm', 'rejected'],
    ['INVALID_STOPPED_CARD', 400, 'confirm', 'rejected'],
    ['PAY_PROCESS_CANCELED', undefined, 'confirm', 'rejected'],
    ['ALREADY_PROCESSED_PAYMENT', 400, 'confirm', 'already_processed'],
    ['NOT_FOUND_PAYMENT', 404, 'get', 'not_found'],
    ['NOT_FOUND_PAYMENT_SESSION', 404, 'confirm', 'not_found'],
    ['ALREADY_CANCELED_PAYMENT', 400, 'cancel', 'already_canceled'],
    ['NOT_CANCELABLE_AMOUNT', 403, 'cancel', 'not_cancelable'],
    ['NOT_CANCELABLE_PAYMENT', 403, 'cancel', 'not_cancelable'],
    ['FORBIDDEN_CONSECUTIVE_REQUEST', 403, 'cancel', 'concurrent_request'],
    ['INVALID_REQUEST', 400, 'confirm', 'invalid_request'],
    ['UNAUTHORIZED_KEY', 401, 'get', 'misconfigured'],
    ['INVALID_API_KEY', 400, 'confirm', 'misconfigured'],
    ['PROVIDER_ERROR', 400, 'confirm', 'unavailable'],
    ['FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING', 500, 'confirm', 'unavailable'],
    ['FAILED_INTERNAL_SYSTEM_PROCESSING', 500, 'cancel', 'unavailable'],
    ['UNKNOWN_PAYMENT_ERROR', 500, 'confirm', 'unavailable'],
    ['FAILED_REFUND_PROCESS', 400, 'cancel', 'unavailable'], // any FAILED_* is the provider's failure
    ['TIMEOUT', undefined, 'confirm', 'unavailable'],
    ['NETWORK_ERROR', undefined, 'get', 'unavailable'],
    ['CIRCUIT_OPEN', undefined, 'cancel', 'unavailable'],
    ['SOMETHING_NEW', 502, 'get', 'unavailable'],
    ['SOMETHING_NEW', 401, 'get', 'misconfigured'],
    // Unlisted 4xx: a refusal of the payer's card on confirm, a refusal to cancel on cancel.
    ['EXCEED_MAX_MONTHLY_PAYMENT_AMOUNT', 400, 'confirm', 'rejected'],
    ['SOMETHING_NEW', 403, 'cancel', 'not_cancelable'],
    ['SOMETHING_NEW', 400, 'get', 'invalid_request'],
  ];

  it.each(cases)('%s (HTTP %s, %s) is %s', (code, status, operation, reason) => {
    expect(classifyProviderCode(code, status, operation)).toBe(reason);
  });
});

describe('isRetryable', () => {
  it('retries only what may succeed if sent again at once', () => {
    expect(isRetryable('TIMEOUT', undefined)).toBe(true);
    expect(isRetryable('NETWORK_ERROR', undefined)).toBe(true);
    expect(isRetryable('FAILED_INTERNAL_SYSTEM_PROCESSING', 500)).toBe(true);
    expect(isRetryable('HTTP_502', 502)).toBe(true);
    expect(isRetryable('IDEMPOTENT_REQUEST_PROCESSING', 409)).toBe(true);
    expect(isRetryable('CIRCUIT_OPEN', undefined)).toBe(false);
    expect(isRetryable('INVALID_RESPONSE', 200)).toBe(false);
    expect(isRetryable('PROVIDER_ERROR', 400)).toBe(false);
    expect(isRetryable('REJECT_CARD_PAYMENT', 403)).toBe(false);
    expect(isRetryable('ALREADY_PROCESSED_PAYMENT', 400)).toBe(false);
  });
});

describe('ProviderError', () => {
  it('is an AppError the HTTP layer shows as the API promises', () => {
    expect(appErrorFor('rejected')).toEqual({ kind: 'payment_required', code: 'PAYMENT_REJECTED' });
    expect(appErrorFor('unavailable')).toEqual({ kind: 'unavailable', code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    expect(appErrorFor('not_found').kind).toBe('not_found');
    expect(appErrorFor('already_processed').kind).toBe('conflict');

    const declined = providerError({ code: 'REJECT_CARD_PAYMENT', message: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.', httpStatus: 403, operation: 'confirm' });
    expect(declined).toBeInstanceOf(AppError);
    expect(declined).toMatchObject({ kind: 'payment_required', code: 'PAYMENT_REJECTED', reason: 'rejected', providerCode: 'REJECT_CARD_PAYMENT', httpStatus: 403, retryable: false });
    expect(declined.extra).toEqual({ providerCode: 'REJECT_CARD_PAYMENT' });
    expect(declined.message).toBe('한도초과 혹은 잔액부족으로 결제에 실패했습니다.');
    expect(isProviderError(declined, 'rejected')).toBe(true);
    expect(isProviderError(declined, 'unavailable')).toBe(false);
  });

  it('says nothing internal about an outage to the client', () => {
    const down = new ProviderError({ reason: 'misconfigured', providerCode: 'UNAUTHORIZED_KEY', providerMessage: '인증되지 않은 시크릿 키', httpStatus: 401 });
    expect(down).toMatchObject({ kind: 'unavailable', code: 'PAYMENT_PROVIDER_UNAVAILABLE', extra: undefined });
    expect(down.message).not.toContain('시크릿');
    expect(down.providerMessage).toBe('인증되지 않은 시크릿 키');
  });
});
