import { describe, expect, it } from 'vitest';
import { ProviderError } from './provider-errors.ts';
import { parseTossError, parseTossPayment } from './toss-payment.ts';

// Shapes from Toss's documentation and its developer community's posted answers.

const canceledCard = {
  mId: 'tosspayments',
  version: '2022-11-16',
  lastTransactionKey: 'B7103F204998813B889C77C043D09502',
  paymentKey: '5zJ4xY7m0kODnyRpQWGrN2xqGlNvLrKwv1M9ENjbeoPaZdL6',
  orderId: 'a4CWyWY5m89PNh7xJwhk1',
  orderName: '토스 티셔츠 외 2건',
  currency: 'KRW',
  method: '카드',
  status: 'PARTIAL_CANCELED',
  requestedAt: '2022-01-01T11:31:29+09:00',
  approvedAt: '2022-01-01T11:31:51+09:00',
  card: { issuerCode: '33', number: '12341234****123*', approveNo: '00000000' },
  cancels: [
    {
      transactionKey: 'A47A42AE50F68F5FFB62778C67153E36',
      cancelReason: '고객이 취소를 원함',
      canceledAt: '2022-01-01T11:32:04+09:00',
      cancelAmount: 1_000,
      taxFreeAmount: 0,
      refundableAmount: 14_000,
      cancelStatus: 'DONE',
    },
  ],
  receipt: { url: 'https://dashboard.tosspayments.com/receipt/redirection?transactionId=x&ref=PX' },
  totalAmount: 15_000,
  balanceAmount: 14_000,
  suppliedAmount: 13_636,
  vat: 1_364,
  somethingTossAddsLater: { nested: true },
};

describe('parseTossPayment', () => {
  it('reads the fields CareNest uses and ignores the rest', () => {
    expect(parseTossPayment(canceledCard)).toEqual({
      paymentKey: '5zJ4xY7m0kODnyRpQWGrN2xqGlNvLrKwv1M9ENjbeoPaZdL6',
      orderId: 'a4CWyWY5m89PNh7xJwhk1',
      status: 'PARTIAL_CANCELED',
      totalAmount: 15_000,
      balanceAmount: 14_000,
      method: '카드',
      approvedAt: '2022-01-01T11:31:51+09:00',
      receiptUrl: 'https://dashboard.tosspayments.com/receipt/redirection?transactionId=x&ref=PX',
      cancels: [{ cancelAmount: 1_000, cancelReason: '고객이 취소를 원함', canceledAt: '2022-01-01T11:32:04+09:00', transactionKey: 'A47A42AE50F68F5FFB62778C67153E36' }],
    });
  });

  it('reads an expired payment with nulls everywhere and an empty method', () => {
    const expired = { ...canceledCard, status: 'EXPIRED', method: '', approvedAt: null, cancels: null, receipt: null, balanceAmount: 15_000 };
    expect(parseTossPayment(expired)).toMatchObject({ status: 'EXPIRED', method: null, approvedAt: null, cancels: [], receiptUrl: null });
  });

  it.each([
    ['no paymentKey', { ...canceledCard, paymentKey: undefined }],
    ['an unknown status', { ...canceledCard, status: 'PAID' }],
    ['a fractional amount', { ...canceledCard, totalAmount: 1.5 }],
    ['an amount as text', { ...canceledCard, balanceAmount: '14000' }],
    ['cancels not a list', { ...canceledCard, cancels: {} }],
    ['a body that is not an object', 'OK'],
  ])('treats a Payment with %s as a provider fault', (_what, body) => {
    expect(() => parseTossPayment(body)).toThrow(ProviderError);
    try {
      parseTossPayment(body);
    } catch (error) {
      expect(error).toMatchObject({ reason: 'unavailable', providerCode: 'INVALID_RESPONSE' });
    }
  });
});

describe('parseTossError', () => {
  it('reads {code, message} and nothing else', () => {
    expect(parseTossError({ code: 'NOT_FOUND_PAYMENT', message: '존재하지 않는 결제 입니다.' })).toEqual({ code: 'NOT_FOUND_PAYMENT', message: '존재하지 않는 결제 입니다.' });
    expect(parseTossError({ code: 'X' })).toEqual({ code: 'X', message: 'X' });
    expect(parseTossError('<html>Bad gateway</html>')).toBeUndefined();
    expect(parseTossError(undefined)).toBeUndefined();
  });
});
