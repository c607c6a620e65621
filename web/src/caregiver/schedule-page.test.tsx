import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formattersFor } from '../i18n/i18n.tsx';
import { renderWithProviders, signIn, stubApi } from '../test/render.tsx';
import { CaregiverReservationPage } from './reservation-page.tsx';
import { CaregiverSchedulePage, groupByDay } from './schedule-page.tsx';
import { page, reservation } from '../test/fixtures.ts';

beforeEach(() => signIn());
afterEach(() => vi.unstubAllGlobals());

const confirmed = reservation({ id: 'r-confirmed', status: 'CONFIRMED', startAt: '2026-12-01T00:00:00.000Z', endAt: '2026-12-01T03:00:00.000Z', patient: { name: '첫환자', conditions: [] } });
const working = reservation({ id: 'r-working', status: 'IN_PROGRESS', startAt: '2026-11-30T23:00:00.000Z', endAt: '2026-11-30T23:30:00.000Z', patient: { name: '둘환자', conditions: [] } });
const nextDay = reservation({ id: 'r-next', status: 'ACCEPTED', startAt: '2026-12-02T01:00:00.000Z', endAt: '2026-12-02T04:00:00.000Z', patient: { name: '셋환자', conditions: [] } });

describe('CaregiverSchedulePage', () => {
  it('groups upcoming bookings by Seoul day, soonest first', async () => {
    const calls = stubApi({ 'GET /api/v1/reservations': { body: page([nextDay, confirmed, working]) } });
    renderWithProviders(<CaregiverSchedulePage />);
    const days = await screen.findAllByRole('region', { name: /2026년/ });
    expect(days.map((d) => d.getAttribute('aria-label'))).toEqual(['2026년 12월 1일 (화)', '2026년 12월 2일 (수)']);
    expect(within(days[0]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('둘환자'), expect.stringContaining('첫환자')]);
    expect(within(days[1]!).getByText('보호자의 결제를 기다리는 중입니다.')).toBeTruthy();
    expect(calls[0]?.query.getAll('status')).toEqual(['ACCEPTED', 'CONFIRMED', 'IN_PROGRESS']);
  });

  it('shows the server’s reason when check-in is not open yet', async () => {
    const calls = stubApi({
      'GET /api/v1/reservations': { body: page([confirmed]) },
      'POST /api/v1/reservations/{id}/check-in': { status: 409, body: { status: 409, code: 'CHECKIN_NOT_OPEN', detail: 'Check-in opens 1 hour before the start' } },
    });
    renderWithProviders(<CaregiverSchedulePage />);
    await userEvent.click(await screen.findByRole('button', { name: '출근 체크인' }));
    expect((await screen.findByRole('alert')).textContent).toContain('아직 체크인할 수 없습니다.');
    expect(calls.find((c) => c.method === 'POST')?.path).toBe('/api/v1/reservations/r-confirmed/check-in');
  });

  it('checks out of a booking in progress', async () => {
    let list = [working];
    const calls = stubApi({
      'GET /api/v1/reservations': () => ({ body: page(list) }),
      'POST /api/v1/reservations/{id}/check-out': () => {
        list = [];
        return { body: { ...working, status: 'COMPLETED' } };
      },
    });
    renderWithProviders(<CaregiverSchedulePage />, { locale: 'en' });
    await userEvent.click(await screen.findByRole('button', { name: 'Check out' }));
    expect(await screen.findByText('Checked out. Thank you for your work.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.path).toBe('/api/v1/reservations/r-working/check-out');
    expect(await screen.findByText('No upcoming bookings.')).toBeTruthy();
  });

  it('groupByDay keeps the order and splits at Seoul midnight', () => {
    const f = formattersFor('en');
    const late = reservation({ id: 'late', startAt: '2026-11-30T14:59:00.000Z' });
    const early = reservation({ id: 'early', startAt: '2026-11-30T15:00:00.000Z' });
    expect(groupByDay([late, early], f).map((g) => [g.day, g.items.map((r) => r.id)])).toEqual([
      ['Mon, Nov 30, 2026', ['late']],
      ['Tue, Dec 1, 2026', ['early']],
    ]);
  });
});

describe('CaregiverReservationPage', () => {
  it('shows the refund before cancelling a paid booking and requires a reason', async () => {
    const calls = stubApi({
      'GET /api/v1/reservations/{id}': { body: confirmed },
      'GET /api/v1/reservations/{id}/cancellation-quote': { body: { refundAmount: 45000, feeAmount: 0, tier: 'CAREGIVER_CANCELLED' } },
      'POST /api/v1/reservations/{id}/cancel': { body: { ...confirmed, status: 'CANCELLED', cancelReason: '몸이 아픕니다.', refundAmount: 45000 } },
    });
    renderWithProviders(<CaregiverReservationPage params={{ id: 'r-confirmed' }} />);
    expect(await screen.findByRole('button', { name: '출근 체크인' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '예약 취소' }));
    expect(await screen.findByText('지금 취소하면 보호자에게 45,000원이 환불됩니다.')).toBeTruthy();
    expect(screen.getByText('간병인이 결제된 예약을 취소하면 보호자에게 100% 환불됩니다.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '취소 확정' }));
    expect(screen.getByText('취소 사유를 입력해 주세요.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(screen.getByLabelText(/취소 사유/), '몸이 아픕니다.');
    await userEvent.click(screen.getByRole('button', { name: '취소 확정' }));
    expect(await screen.findByText('예약을 취소했습니다.')).toBeTruthy();
    const cancel = calls.find((c) => c.method === 'POST');
    expect(cancel?.path).toBe('/api/v1/reservations/r-confirmed/cancel');
    expect(cancel?.body).toEqual({ reason: '몸이 아픕니다.' });
  });
});
