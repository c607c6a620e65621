import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket, withLiveSocket } from '../test/fake-socket.ts';
import { caregiverUser } from '../test/fixtures.ts';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { earningsSummary, settlement, settlementLine } from '../test/settlement-fixtures.ts';
import { CaregiverEarningsPage } from './earnings-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const paid = settlement({
  id: 'stl-2',
  status: 'PAID',
  periodStart: '2026-11-22T15:00:00.000Z',
  periodEnd: '2026-11-29T15:00:00.000Z',
  paidAt: '2026-12-01T02:00:00.000Z',
  grossAmount: 100_000,
  commissionAmount: 10_000,
  netAmount: 90_000,
  lines: [settlementLine({ reservationId: 'res-00000009-dddd', paid: 100_000, amount: 100_000, commissionAmount: 10_000, netAmount: 90_000 })],
});

describe('CaregiverEarningsPage', () => {
  it('shows the summary, the next settlement date, and the settlements with their lines folded', async () => {
    stubApi({
      'GET /api/v1/settlements/summary': { body: earningsSummary() },
      'GET /api/v1/settlements': { body: { items: [settlement(), paid], nextCursor: null } },
    });
    renderWithProviders(<CaregiverEarningsPage />);
    const month = await screen.findByRole('region', { name: '이번 달' });
    expect(within(month).getByText('216,000원')).toBeDefined();
    expect(within(month).getByText('완료 2건 · 결제 240,000원 · 수수료 24,000원')).toBeDefined();
    expect(within(screen.getByRole('region', { name: '정산 전' })).getByText('54,000원')).toBeDefined();
    expect(within(screen.getByRole('region', { name: '지급 대기' })).getByText('정산 1건')).toBeDefined();
    expect(within(screen.getByRole('region', { name: '지급 완료' })).getByText('1,350,000원')).toBeDefined();
    expect(within(screen.getByRole('region', { name: '다음 정산일' })).getByText(/2026년 12월 14일/)).toBeDefined();
    expect(screen.getByText('금액은 플랫폼 수수료 10%를 뺀 지급액입니다.')).toBeDefined();

    const list = screen.getByRole('list', { name: '정산 내역' });
    const items = Array.from(list.children) as HTMLElement[];
    expect(items).toHaveLength(2);
    const [pending, done] = items as [HTMLElement, HTMLElement];
    expect(within(pending).getByRole('heading', { name: /정산 2026년 11월 30일 \(월\) – 2026년 12월 6일 \(일\)/ })).toBeDefined();
    expect(within(pending).getByText('지급 대기')).toBeDefined();
    expect(within(pending).getByText('지급 전')).toBeDefined();
    expect(within(done).getByText('지급 완료')).toBeDefined();
    expect(within(done.querySelector('.cg-earning-amounts') as HTMLElement).getByText('90,000원')).toBeDefined();
    expect(within(done).getByText(/2026년 12월 1일/)).toBeDefined();

    const details = within(pending).getByText('예약별 내역 2건 보기').closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await userEvent.click(within(pending).getByText('예약별 내역 2건 보기'));
    expect(details.open).toBe(true);
    const lines = within(pending).getByRole('list', { name: /예약별 정산 내역/ });
    expect(within(lines).getAllByRole('listitem')).toHaveLength(2);
    expect(within(lines).getByRole('link', { name: '예약 002-bbbb' }).getAttribute('href')).toBe('/caregiver/reservations/res-00000002-bbbb');
    expect(within(lines).getByText('30,000원')).toBeDefined();
    expect(within(lines).getByText('81,000원')).toBeDefined();
  });

  it('says when no settlement is scheduled and there are none yet (English), and pages with the cursor', async () => {
    const calls = stubApi({
      'GET /api/v1/settlements/summary': { body: earningsSummary({ nextPayoutDate: null }) },
      'GET /api/v1/settlements': (call) => ({ body: call.query.get('cursor') ? { items: [paid], nextCursor: null } : { items: [settlement()], nextCursor: 'c2' } }),
    });
    renderWithProviders(<CaregiverEarningsPage />, { locale: 'en' });
    expect(await screen.findByText('No settlement date scheduled yet')).toBeDefined();
    expect(screen.getByText('Awaiting payout', { selector: '.badge' })).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Paid', { selector: '.badge' })).toBeDefined();
    expect(calls.at(-1)?.query.get('cursor')).toBe('c2');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('shows an empty list', async () => {
    stubApi({
      'GET /api/v1/settlements/summary': { body: earningsSummary({ pending: { netAmount: 0, count: 0 }, paid: { netAmount: 0, count: 0 } }) },
      'GET /api/v1/settlements': { body: { items: [], nextCursor: null } },
    });
    renderWithProviders(<CaregiverEarningsPage />);
    expect(await screen.findByText('아직 정산 내역이 없습니다. 정산은 완료된 예약을 모아 주기적으로 이루어집니다.')).toBeDefined();
  });
});

describe('CaregiverEarningsPage live', () => {
  withLiveSocket();

  it('reads the figures again when a SETTLEMENT_PAID notification arrives', async () => {
    let paidOut = false;
    stubApi({
      'GET /api/v1/users/me': { body: caregiverUser },
      'GET /api/v1/settlements/summary': () => ({ body: earningsSummary(paidOut ? { pending: { netAmount: 0, count: 0 } } : {}) }),
      'GET /api/v1/settlements': () => ({ body: { items: [paidOut ? settlement({ status: 'PAID', paidAt: '2026-12-09T01:00:00.000Z' }) : settlement()], nextCursor: null } }),
    });
    renderWithProviders(<CaregiverEarningsPage />);
    expect(await screen.findByText('지급 전')).toBeDefined();
    await waitFor(() => expect(FakeSocket.last).toBeDefined());
    paidOut = true;
    (FakeSocket.last as FakeSocket).emit({ type: 'notification', notification: { id: 'n', type: 'SETTLEMENT_PAID', title: '', body: '', data: {}, readAt: null, createdAt: '' } });
    await waitFor(() => expect(screen.queryByText('지급 전')).toBeNull());
    expect(within(screen.getByRole('list', { name: '정산 내역' })).getByText('지급 완료')).toBeDefined();
  });
});
