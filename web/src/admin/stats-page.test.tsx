import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { periodStats } from '../test/admin-users-fixtures.ts';
import { AdminStatsPage, bucketLabel } from './stats-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AdminStatsPage', () => {
  beforeEach(() => window.history.replaceState(null, '', '/admin/stats'));

  it('shows the period totals and four charts with their figures as tables', async () => {
    const calls = stubApi({ 'GET /api/v1/admin/stats': { body: periodStats } });
    renderWithProviders(<AdminStatsPage />);
    const totals = await screen.findByRole('region', { name: '기간 합계' });
    expect(within(totals).getByText('수수료').nextElementSibling?.textContent).toBe('21,000원');
    expect(within(totals).getByText('신규 가입자').nextElementSibling?.textContent).toBe('5');
    expect(calls[0]?.query.get('granularity')).toBe('day');
    expect(calls[0]?.query.has('from')).toBe(false);
    const charts = screen.getAllByRole('img');
    expect(charts).toHaveLength(4);
    expect(charts[0]?.getAttribute('aria-label')).toMatch(/^예약 \(신청 시점, 현재 상태별\) 차트, 2026년 12월 1일/);
    const money = screen.getByRole('table', { name: /^결제액, 환불액, 수수료 차트/ });
    const first = within(money).getByRole('rowheader', { name: '12. 1.' }).parentElement as HTMLElement;
    expect(within(first).getAllByRole('cell').map((c) => c.textContent)).toEqual(['240,000원', '30,000원', '21,000원']);
    const bookings = screen.getByRole('table', { name: /^예약/ });
    expect(within(bookings).getAllByRole('columnheader').map((h) => h.textContent)).toContain('완료');
  });

  it('asks for the granularity and Seoul-day period chosen, kept in the address', async () => {
    const calls = stubApi({ 'GET /api/v1/admin/stats': { body: periodStats } });
    renderWithProviders(<AdminStatsPage />);
    await screen.findByRole('region', { name: '기간 합계' });
    await userEvent.selectOptions(screen.getByLabelText('단위'), 'week');
    await userEvent.type(screen.getByLabelText(/^시작일/), '2026-10-01');
    await userEvent.type(screen.getByLabelText(/^종료일/), '2026-11-30');
    await userEvent.click(screen.getByRole('button', { name: '보기' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(Object.fromEntries(calls.at(-1)?.query ?? [])).toEqual({ granularity: 'week', from: '2026-10-01T00:00:00+09:00', to: '2026-12-01T00:00:00+09:00' });
    expect(window.location.search).toBe('?granularity=week&from=2026-10-01&to=2026-11-30');
  });

  it('refuses an end before the start at the field and shows a 400 from the server (English)', async () => {
    const calls = stubApi({
      'GET /api/v1/admin/stats': (call) =>
        call.query.get('granularity') === 'day' && call.query.has('from')
          ? { status: 400, body: { status: 400, code: 'VALIDATION_FAILED', title: 'Bad Request' } }
          : { body: periodStats },
    });
    renderWithProviders(<AdminStatsPage />, { locale: 'en' });
    await screen.findByRole('region', { name: 'Period totals' });
    await userEvent.type(screen.getByLabelText(/^From/), '2026-12-10');
    const to = screen.getByLabelText(/^To/);
    await userEvent.type(to, '2026-12-01');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The end date must be on or after the start date.');
    await waitFor(() => expect(document.activeElement).toBe(to));
    expect(calls).toHaveLength(1);
    await userEvent.clear(to);
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Please check what you entered.');
  });
});

describe('bucketLabel', () => {
  it('labels buckets by their Seoul start day or month', () => {
    // 2026-11-30T15:00Z is 1 December in Seoul.
    expect(bucketLabel('2026-11-30T15:00:00.000Z', 'day', 'ko')).toBe('12. 1.');
    expect(bucketLabel('2026-11-30T15:00:00.000Z', 'week', 'en')).toBe('12/1');
    expect(bucketLabel('2026-11-30T15:00:00.000Z', 'month', 'en')).toBe('Dec 2026');
  });
});
