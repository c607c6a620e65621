import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { AdminPaymentsPage } from './payments-page.tsx';
import { AdminReservationsPage } from './reservations-page.tsx';
import { payment, reservation } from '../test/fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AdminReservationsPage', () => {
  beforeEach(() => window.history.replaceState(null, '', '/admin/reservations'));

  it('shows reservations in a captioned table with status badges, KRW right-aligned and a link to the detail', async () => {
    stubApi({ 'GET /api/v1/admin/reservations': { body: { items: [reservation(), reservation({ id: 'res-2', status: 'CONFIRMED', totalAmount: 1_500_000 })], nextCursor: null } } });
    renderWithProviders(<AdminReservationsPage />);
    const table = await screen.findByRole('table', { name: '예약 목록' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(table).getByRole('columnheader', { name: '금액' }).className).toBe('num');
    const second = rows[2] as HTMLElement;
    expect(within(second).getByText('확정')).toBeDefined();
    expect(within(second).getByText('1,500,000원').className).toBe('num');
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: '001-aaaa' }).getAttribute('href')).toBe('/admin/reservations/res-00000001-aaaa');
  });

  it('sends the filters to the API: status, Seoul-day range, ids; and keeps them in the address', async () => {
    const calls = stubApi({ 'GET /api/v1/admin/reservations': { body: { items: [reservation()], nextCursor: null } } });
    renderWithProviders(<AdminReservationsPage />);
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText('상태'), 'CONFIRMED');
    await userEvent.type(screen.getByLabelText('시작일'), '2026-12-01');
    await userEvent.type(screen.getByLabelText('종료일'), '2026-12-31');
    await userEvent.type(screen.getByLabelText('간병인 ID'), ' cg-9 ');
    await userEvent.click(screen.getByRole('button', { name: '검색' }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/admin/reservations')).toHaveLength(2));
    const query = calls.at(-1)?.query;
    expect(query?.getAll('status')).toEqual(['CONFIRMED']);
    expect(query?.get('from')).toBe('2026-12-01T00:00:00+09:00');
    expect(query?.get('to')).toBe('2027-01-01T00:00:00+09:00');
    expect(query?.get('caregiverId')).toBe('cg-9');
    expect(query?.has('guardianId')).toBe(false);
    expect(window.location.search).toBe('?status=CONFIRMED&from=2026-12-01&to=2026-12-31&caregiverId=cg-9');
  });

  it('refuses an end date before the start date without asking the server', async () => {
    const calls = stubApi({ 'GET /api/v1/admin/reservations': { body: { items: [], nextCursor: null } } });
    renderWithProviders(<AdminReservationsPage />);
    await screen.findByText('조건에 맞는 예약이 없습니다.');
    await userEvent.type(screen.getByLabelText('시작일'), '2026-12-10');
    await userEvent.type(screen.getByLabelText('종료일'), '2026-12-01');
    await userEvent.click(screen.getByRole('button', { name: '검색' }));
    expect(await screen.findByText('종료일은 시작일과 같거나 뒤여야 합니다.')).toBeDefined();
    expect(calls).toHaveLength(1);
  });

  it('loads the next page with the cursor and appends it', async () => {
    const calls = stubApi({
      'GET /api/v1/admin/reservations': (call) =>
        call.query.get('cursor') === 'c2'
          ? { body: { items: [reservation({ id: 'res-3' })], nextCursor: null } }
          : { body: { items: [reservation(), reservation({ id: 'res-2' })], nextCursor: 'c2' } },
    });
    renderWithProviders(<AdminReservationsPage />);
    await screen.findByRole('table');
    await userEvent.click(screen.getByRole('button', { name: '더 보기' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4));
    expect(calls.at(-1)?.query.get('cursor')).toBe('c2');
    expect(screen.queryByRole('button', { name: '더 보기' })).toBeNull();
  });

  it('shows the server error with a retry (English)', async () => {
    stubApi({ 'GET /api/v1/admin/reservations': { status: 400, body: { status: 400, code: 'VALIDATION_FAILED', title: 'Bad Request' } } });
    renderWithProviders(<AdminReservationsPage />, { locale: 'en' });
    expect((await screen.findByRole('alert')).textContent).toContain('Please check what you entered.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDefined();
  });
});

describe('AdminPaymentsPage', () => {
  beforeEach(() => window.history.replaceState(null, '', '/admin/payments?status=DONE'));

  it('lists payments with the shared status labels and applies the filter from the address (English)', async () => {
    const calls = stubApi({
      'GET /api/v1/admin/payments': { body: { items: [payment(), payment({ id: 'pay-2', orderId: 'order-2', status: 'PARTIAL_CANCELED', balanceAmount: 60000, approvedAt: null, method: null })], nextCursor: null } },
    });
    renderWithProviders(<AdminPaymentsPage />, { locale: 'en' });
    const table = await screen.findByRole('table', { name: 'Payments' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1] as HTMLElement).getByText('Paid')).toBeDefined();
    expect(within(rows[2] as HTMLElement).getByText('Partly refunded')).toBeDefined();
    expect(within(rows[2] as HTMLElement).getByText('₩60,000').className).toBe('num');
    expect(calls[0]?.query.getAll('status')).toEqual(['DONE']);
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('DONE');
  });
});
