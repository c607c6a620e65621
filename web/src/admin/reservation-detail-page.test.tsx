import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { AdminReservationDetailPage } from './reservation-detail-page.tsx';
import { payment, reservation } from '../test/fixtures.ts';

const full = {
  ...reservation({ status: 'CONFIRMED', paymentId: 'pay-1' }),
  patient: { name: '박환자', birthYear: 1940, gender: 'MALE', conditions: ['치매 초기', '당뇨'], notes: '야간 배회' },
  requestMessage: '잘 부탁드립니다',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AdminReservationDetailPage', () => {
  it('shows the audit notice, the patient details, the quote and the payment', async () => {
    const calls = stubApi({
      'GET /api/v1/reservations/{id}': { body: full },
      'GET /api/v1/payments/{id}': { body: { ...payment(), orderName: 'x', receiptUrl: null, cancels: [], updatedAt: '2026-11-25T02:00:00.000Z' } },
    });
    renderWithProviders(<AdminReservationDetailPage params={{ id: 'res-00000001-aaaa' }} />);
    expect(screen.getByText('이 화면의 환자 정보 열람은 감사 로그에 기록됩니다')).toBeDefined();
    const patient = await screen.findByRole('region', { name: '환자 정보' });
    expect(within(patient).getByText('치매 초기, 당뇨')).toBeDefined();
    expect(within(patient).getByText('야간 배회')).toBeDefined();
    expect(screen.getByRole('group', { name: '요금 내역' })).toBeDefined();
    const pay = screen.getByRole('region', { name: '결제 정보' });
    expect(await within(pay).findByText('결제 완료')).toBeDefined();
    expect(within(pay).getByText('order-abc-1')).toBeDefined();
    expect(calls.map((c) => c.path)).toContain('/api/v1/payments/pay-1');
  });

  it('cancels: shows the refund from the cancellation quote, requires a reason, then posts it', async () => {
    let status = 'CONFIRMED';
    const calls = stubApi({
      'GET /api/v1/reservations/{id}': () => ({ body: { ...full, paymentId: undefined, status } }),
      'GET /api/v1/reservations/{id}/cancellation-quote': { body: { refundAmount: 120000, feeAmount: 0, tier: 'ADMIN_CANCELLED' } },
      'POST /api/v1/reservations/{id}/cancel': () => {
        status = 'CANCELLED';
        return { body: { ...full, status } };
      },
    });
    renderWithProviders(<AdminReservationDetailPage params={{ id: 'res-00000001-aaaa' }} />);
    await userEvent.click(await screen.findByRole('button', { name: '예약 취소' }));
    expect(await screen.findByText('환불 120,000원, 수수료 0원')).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: '취소 확정' }));
    expect(await screen.findByText('취소 사유를 입력해 주세요.')).toBeDefined();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(screen.getByLabelText(/취소 사유/), '보호자 요청');
    await userEvent.click(screen.getByRole('button', { name: '취소 확정' }));
    expect(await screen.findByText('예약을 취소했습니다.')).toBeDefined();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: '보호자 요청' });
    await waitFor(() => expect(screen.getByText('취소됨')).toBeDefined());
    expect(screen.queryByRole('button', { name: '예약 취소' })).toBeNull();
  });

  it('shows a not-found reservation as an error (English)', async () => {
    stubApi({});
    renderWithProviders(<AdminReservationDetailPage params={{ id: 'nope' }} />, { locale: 'en' });
    expect(await screen.findByRole('alert')).toBeDefined();
    expect(screen.getByText('Viewing patient information on this screen is recorded in the audit log')).toBeDefined();
    expect(screen.getByRole('link', { name: 'Back to reservations' })).toBeDefined();
  });
});
