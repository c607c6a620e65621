import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, signIn, stubApi } from '../test/render.tsx';
import { reservationUpdate, withStatus } from './reservation-live.ts';
import { ReservationPage } from './reservation-page.tsx';
import { ReservationsPage } from './reservations-page.tsx';
import { guardianUser, reservation } from '../test/fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('ReservationPage', () => {
  it('shows the refund, fee and tier before the cancellation is confirmed, and needs a reason', async () => {
    signIn();
    const calls = stubApi({
      'GET /api/v1/users/me': { body: guardianUser },
      'GET /api/v1/reservations/{id}': { body: reservation({ status: 'CONFIRMED', paymentId: 'p-1' }) },
      'GET /api/v1/reservations/{id}/cancellation-quote': { body: { refundAmount: 30000, feeAmount: 30000, tier: 'GUARDIAN_24H_OR_MORE' } },
      'POST /api/v1/reservations/{id}/cancel': { body: reservation({ status: 'CANCELLED', refundAmount: 30000 }) },
    });
    renderWithProviders(<ReservationPage params={{ id: 'res-00000001-aaaa' }} />);
    await userEvent.click(await screen.findByRole('button', { name: '예약 취소' }));
    const panel = await screen.findByRole('form', { name: '예약 취소' });
    expect(within(panel).getByText('환불 금액').nextSibling?.textContent).toBe('30,000원');
    expect(within(panel).getByText('취소 수수료').nextSibling?.textContent).toBe('30,000원');
    expect(within(panel).getByText('시작 24–72시간 전: 50% 환불')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(within(panel).getByRole('button', { name: '취소 확정' }));
    expect(within(panel).getByText('취소 사유를 적어 주세요.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(within(panel).getByLabelText(/취소 사유/), '일정이 바뀌었습니다');
    await userEvent.click(within(panel).getByRole('button', { name: '취소 확정' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: '일정이 바뀌었습니다' }));
  });

  it('shows the details, the caregiver answer and the quote lines (English)', async () => {
    signIn();
    stubApi({
      'GET /api/v1/users/me': { body: guardianUser },
      'GET /api/v1/reservations/{id}': { body: reservation({ status: 'REJECTED', rejectionReason: 'Busy that week', suggestedAlternative: 'Dec 8 instead' }) },
    });
    renderWithProviders(<ReservationPage params={{ id: 'res-00000001-aaaa' }} />, { locale: 'en' });
    expect(await screen.findByText('Declined')).toBeTruthy();
    expect(screen.getByText('Busy that week')).toBeTruthy();
    expect(screen.getByText('Dec 8 instead')).toBeTruthy();
    expect(screen.getByText('박환자')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Price breakdown' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel booking' })).toBeNull();
  });

  it('opens the sandbox checkout when paying an accepted reservation', async () => {
    signIn();
    const calls = stubApi({
      'GET /api/v1/users/me': { body: guardianUser },
      'GET /api/v1/reservations/{id}': { body: reservation({ status: 'ACCEPTED' }) },
      'POST /api/v1/payments': { status: 201, body: { id: 'p-1', reservationId: 'res-00000001-aaaa', orderId: 'cn-order-1', orderName: '간병', amount: 60000, customerKey: 'ck', clientKey: 'sandbox', provider: 'sandbox', status: 'READY' } },
    });
    renderWithProviders(<ReservationPage params={{ id: 'res-00000001-aaaa' }} />);
    await userEvent.click(await screen.findByRole('button', { name: '결제하기' }));
    await waitFor(() => expect(`${window.location.pathname}${window.location.search}`).toBe('/checkout/res-00000001-aaaa?orderId=cn-order-1'));
    expect(calls.find((c) => c.path === '/api/v1/payments')?.body).toEqual({ reservationId: 'res-00000001-aaaa' });
  });

  it('validates the review before sending it', async () => {
    signIn();
    const calls = stubApi({
      'GET /api/v1/users/me': { body: guardianUser },
      'GET /api/v1/reservations/{id}': { body: reservation({ status: 'COMPLETED' }) },
      'POST /api/v1/reviews': { status: 201, body: { id: 'rv-1' } },
    });
    renderWithProviders(<ReservationPage params={{ id: 'res-00000001-aaaa' }} />);
    const content = await screen.findByLabelText(/후기 내용/);
    await userEvent.type(content, '좋아요');
    expect(screen.getByText('3 / 1000자')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '후기 등록' }));
    expect(screen.getByText('평점을 골라 주세요.')).toBeTruthy();
    expect(screen.getByText('후기는 10자 이상 적어 주세요.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(screen.getByRole('radio', { name: '5점' }));
    await userEvent.type(content, ' 정말 친절하셨습니다');
    await userEvent.click(screen.getByRole('button', { name: '후기 등록' }));
    expect(await screen.findByText('후기를 등록했습니다. 감사합니다.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reservationId: 'res-00000001-aaaa', rating: 5, content: '좋아요 정말 친절하셨습니다' });
  });

  it('says so when the booking was already reviewed', async () => {
    signIn();
    stubApi({
      'GET /api/v1/users/me': { body: guardianUser },
      'GET /api/v1/reservations/{id}': { body: reservation({ status: 'COMPLETED' }) },
      'POST /api/v1/reviews': { status: 409, body: { status: 409, code: 'REVIEW_EXISTS', title: 'Conflict' } },
    });
    renderWithProviders(<ReservationPage params={{ id: 'res-00000001-aaaa' }} />, { locale: 'en' });
    await userEvent.click(await screen.findByRole('radio', { name: '4 stars' }));
    await userEvent.type(screen.getByLabelText(/Your review/), 'Very kind and careful.');
    await userEvent.click(screen.getByRole('button', { name: 'Post review' }));
    expect(await screen.findByText('You have already reviewed this booking.')).toBeTruthy();
  });
});

describe('ReservationsPage', () => {
  it('lists bookings with status, caregiver and total, and filters by status', async () => {
    signIn();
    const calls = stubApi({
      'GET /api/v1/users/me': { body: guardianUser },
      'GET /api/v1/reservations': (call) => ({
        body: { items: call.query.get('status') === 'COMPLETED' ? [] : [reservation({ status: 'ACCEPTED' })], nextCursor: null },
      }),
    });
    renderWithProviders(<ReservationsPage />);
    expect(await screen.findByText('수락됨 · 결제 대기')).toBeTruthy();
    expect(screen.getByText('김영희')).toBeTruthy();
    expect(screen.getByText('총 60,000원')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('상태'), 'COMPLETED');
    expect(await screen.findByText(/아직 예약이 없습니다/)).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/v1/reservations').at(-1)?.query.getAll('status')).toEqual(['COMPLETED']);
  });
});

describe('live reservation updates', () => {
  it('applies a reservation.updated frame to the matching item only', () => {
    const items = [reservation({ id: 'a' }), reservation({ id: 'b' })];
    const frame = { type: 'reservation.updated', reservation: { id: 'b', status: 'ACCEPTED' } } as const;
    const update = reservationUpdate(frame, ['a', 'b']);
    expect(update).toEqual({ id: 'b', status: 'ACCEPTED' });
    expect(withStatus(items, update ?? { id: '', status: '' }).map((r) => r.status)).toEqual(['REQUESTED', 'ACCEPTED']);
    expect(reservationUpdate(frame, ['a'])).toBeUndefined();
    expect(reservationUpdate({ type: 'pong' }, ['b'])).toBeUndefined();
    expect(withStatus(items, { id: 'a', status: 'REQUESTED' })).toBe(items);
  });
});
