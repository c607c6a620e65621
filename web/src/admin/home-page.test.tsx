import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { AdminHomePage } from './home-page.tsx';
import { stats } from '../test/fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AdminHomePage', () => {
  it('shows reservations by status, money in KRW, users by role and the pending review link', async () => {
    stubApi({ 'GET /api/v1/admin/stats': { body: stats } });
    renderWithProviders(<AdminHomePage />);
    const money = await screen.findByRole('region', { name: '거래액' });
    expect(within(money).getByText('1,234,000원')).toBeDefined();
    expect(within(money).getByText('34,000원')).toBeDefined();
    expect(within(money).getByText('1,200,000원')).toBeDefined();
    const reservations = screen.getByRole('region', { name: '상태별 예약' });
    expect(within(reservations).getByText('완료').nextElementSibling?.textContent).toBe('10');
    const users = screen.getByRole('region', { name: '활성 사용자' });
    expect(within(users).getByText('전체 42명')).toBeDefined();
    expect(within(users).getByText('간병인').nextElementSibling?.textContent).toBe('36');
    expect(screen.getByText('심사 대기 2명')).toBeDefined();
    expect(screen.getByRole('link', { name: '심사 대기 목록 보기' }).getAttribute('href')).toBe('/admin/caregivers');
    expect(screen.getByText(/^마지막 갱신: /)).toBeDefined();
  });

  it('speaks English with the English locale', async () => {
    stubApi({ 'GET /api/v1/admin/stats': { body: stats } });
    renderWithProviders(<AdminHomePage />, { locale: 'en' });
    const money = await screen.findByRole('region', { name: 'Transaction value' });
    expect(within(money).getByText('Gross').nextElementSibling?.textContent).toBe('₩1,234,000');
    expect(screen.getByText('2 waiting for review')).toBeDefined();
    expect(screen.getByText(/^Last updated: /)).toBeDefined();
  });

  it('shows the error with a retry that loads the stats again', async () => {
    let fail = true;
    const calls = stubApi({
      'GET /api/v1/admin/stats': () => (fail ? { status: 500, body: { status: 500, code: 'INTERNAL', title: 'Internal Server Error' } } : { body: stats }),
    });
    renderWithProviders(<AdminHomePage />);
    expect((await screen.findByRole('alert')).textContent).toContain('요청을 처리하지 못했습니다');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: '다시 시도' }));
    expect(await screen.findByText('심사 대기 2명')).toBeDefined();
    expect(calls.filter((c) => c.path === '/api/v1/admin/stats')).toHaveLength(2);
  });
});
