import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi, type StubbedCall } from '../test/render.tsx';
import { CheckoutPage } from './checkout-page.tsx';
import { PaymentFailPage } from './payment-fail-page.tsx';
import { PaymentSuccessPage } from './payment-success-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const confirmed = { id: 'p-1', reservationId: 'r-1', orderId: 'cn-order-1', amount: 60000, status: 'DONE', method: '카드', approvedAt: '2026-11-25T01:00:00Z', receiptUrl: 'https://receipt.example/1' };
const confirms = (calls: StubbedCall[]) => calls.filter((c) => c.path === '/api/v1/payments/confirm');

describe('PaymentSuccessPage', () => {
  it('confirms with a key stable per order and links to the reservation', async () => {
    window.history.replaceState(null, '', '/payments/success?paymentKey=pk_1&orderId=cn-order-1&amount=60000');
    const calls = stubApi({ 'POST /api/v1/payments/confirm': { body: confirmed } });
    renderWithProviders(<PaymentSuccessPage />);
    expect(screen.getByText('결제를 확인하고 있습니다…')).toBeTruthy();
    expect(await screen.findByText('결제가 완료되어 예약이 확정되었습니다.')).toBeTruthy();
    expect(screen.getByRole('link', { name: '예약 보기' }).getAttribute('href')).toBe('/reservations/r-1');
    expect(screen.getByRole('link', { name: '영수증 보기' }).getAttribute('href')).toBe('https://receipt.example/1');
    expect(screen.getByText('카드')).toBeTruthy();
    expect(confirms(calls)).toHaveLength(1);
    expect(confirms(calls)[0]?.headers.get('idempotency-key')).toBe('confirm-cn-order-1');
    expect(confirms(calls)[0]?.body).toEqual({ paymentKey: 'pk_1', orderId: 'cn-order-1', amount: 60000 });
  });

  it('retries with the same key when the provider is down', async () => {
    window.history.replaceState(null, '', '/payments/success?paymentKey=pk_1&orderId=cn-order-1&amount=60000');
    let first = true;
    const calls = stubApi({
      'POST /api/v1/payments/confirm': () => {
        if (!first) return { body: confirmed };
        first = false;
        return { status: 503, body: { status: 503, code: 'PAYMENT_PROVIDER_UNAVAILABLE', title: 'Unavailable' } };
      },
    });
    renderWithProviders(<PaymentSuccessPage />, { locale: 'en' });
    expect((await screen.findByRole('alert')).textContent).toContain('you will not be charged twice');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Payment complete: your booking is confirmed.')).toBeTruthy();
    expect(confirms(calls).map((c) => c.headers.get('idempotency-key'))).toEqual(['confirm-cn-order-1', 'confirm-cn-order-1']);
  });

  it("shows a card refusal with the provider's code, and no retry", async () => {
    window.history.replaceState(null, '', '/payments/success?paymentKey=pk_1&orderId=cn-order-1&amount=60000');
    stubApi({ 'POST /api/v1/payments/confirm': { status: 402, body: { status: 402, code: 'PAYMENT_REJECTED', title: 'Payment Required', providerCode: 'REJECT_CARD_PAYMENT' } } });
    renderWithProviders(<PaymentSuccessPage />);
    expect((await screen.findByRole('alert')).textContent).toContain('카드사에서 결제를 거절했습니다');
    expect(screen.getByText('결제사 코드: REJECT_CARD_PAYMENT')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '다시 시도' })).toBeNull();
  });

  it('explains an amount mismatch', async () => {
    window.history.replaceState(null, '', '/payments/success?paymentKey=pk_1&orderId=cn-order-1&amount=1');
    stubApi({ 'POST /api/v1/payments/confirm': { status: 400, body: { status: 400, code: 'AMOUNT_MISMATCH', title: 'Bad Request' } } });
    renderWithProviders(<PaymentSuccessPage />);
    expect((await screen.findByRole('alert')).textContent).toBe('결제 금액이 주문 금액과 다릅니다. 결제가 진행되지 않았습니다.');
  });

  it('does not call the API without the redirect parameters', () => {
    window.history.replaceState(null, '', '/payments/success?orderId=cn-order-1');
    const calls = stubApi({});
    renderWithProviders(<PaymentSuccessPage />);
    expect(screen.getByText(/결제 정보가 없습니다/)).toBeTruthy();
    expect(confirms(calls)).toHaveLength(0);
  });
});

describe('CheckoutPage (sandbox)', () => {
  const order = { id: 'p-1', reservationId: 'r-1', orderId: 'cn-order-1', orderName: '김영희 간병 4시간', amount: 60000, customerKey: 'ck', clientKey: 'sandbox', provider: 'sandbox', status: 'READY' };

  it('pays and goes to the success page like the Toss redirect', async () => {
    const calls = stubApi({
      'POST /api/v1/payments': { body: order },
      'POST /api/v1/payments/sandbox/checkout': { body: { paymentKey: 'sandbox_pk', orderId: 'cn-order-1', amount: 60000 } },
    });
    renderWithProviders(<CheckoutPage params={{ reservationId: 'r-1' }} />);
    expect(await screen.findByText('김영희 간병 4시간')).toBeTruthy();
    expect(screen.getByText('60,000원')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '결제하기' }));
    await waitFor(() => expect(window.location.pathname).toBe('/payments/success'));
    expect(Object.fromEntries(new URLSearchParams(window.location.search))).toEqual({ paymentKey: 'sandbox_pk', orderId: 'cn-order-1', amount: '60000' });
    expect(calls.find((c) => c.path === '/api/v1/payments/sandbox/checkout')?.body).toEqual({ orderId: 'cn-order-1', outcome: 'success' });
  });

  it('plays a failed payment and shows the fail page (English)', async () => {
    stubApi({
      'POST /api/v1/payments': { body: order },
      'POST /api/v1/payments/sandbox/checkout': { body: { code: 'PAY_PROCESS_CANCELED', message: 'The payer cancelled', orderId: 'cn-order-1' } },
    });
    renderWithProviders(<CheckoutPage params={{ reservationId: 'r-1' }} />, { locale: 'en' });
    await userEvent.click(await screen.findByRole('button', { name: 'Test a failed payment' }));
    await waitFor(() => expect(window.location.pathname).toBe('/payments/fail'));
    renderWithProviders(<PaymentFailPage />, { locale: 'en' });
    expect(screen.getByText('The payer cancelled')).toBeTruthy();
    expect(screen.getByText('Code: PAY_PROCESS_CANCELED')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the booking' }).getAttribute('href')).toBe('/reservations/r-1');
  });
});
