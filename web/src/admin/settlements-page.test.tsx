import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, signIn, stubApi } from '../test/render.tsx';
import { settlement, settlementRun } from '../test/settlement-fixtures.ts';
import { AdminSettlementDetailPage } from './settlement-detail-page.tsx';
import { AdminSettlementsPage } from './settlements-page.tsx';

// Wednesday 9 Dec 2026, 10:00 KST: the default period is the week of 30 Nov (Mon) to 7 Dec (Mon).
const NOW = new Date('2026-12-09T01:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  window.history.replaceState(null, '', '/admin/settlements');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const preview = { ...settlement(), id: null, runId: null, createdAt: null };

describe('AdminSettlementsPage: run with a preview first', () => {
  it('previews the last week, asks to confirm, runs, links the settlements created and reloads the list', async () => {
    let listed: unknown[] = [];
    const calls = stubApi({
      'GET /api/v1/admin/settlements': () => ({ body: { items: listed, nextCursor: null } }),
      'POST /api/v1/admin/settlements/runs/preview': { body: { items: [preview] } },
      'POST /api/v1/admin/settlements/runs': () => {
        listed = [settlement()];
        return { status: 201, body: { run: settlementRun(), items: [settlement()] } };
      },
    });
    renderWithProviders(<AdminSettlementsPage />);
    expect(await screen.findByText('조건에 맞는 정산이 없습니다.')).toBeDefined();
    expect((screen.getByLabelText(/정산 시작일/) as HTMLInputElement).value).toBe('2026-11-30');
    expect((screen.getByLabelText(/정산 종료일/) as HTMLInputElement).value).toBe('2026-12-07');

    await userEvent.click(screen.getByRole('button', { name: '미리 보기' }));
    expect(await screen.findByText('간병인 1명, 지급액 합계 216,000원')).toBeDefined();
    const lines = screen.getByRole('region', { name: /예약별 정산 내역/ });
    expect(within(lines).getByRole('link', { name: '001-aaaa' }).getAttribute('href')).toBe('/admin/reservations/res-00000001-aaaa');
    expect(within(lines).getByText('81,000원')).toBeDefined();
    const body = { periodStart: '2026-11-30T00:00:00+09:00', periodEnd: '2026-12-07T00:00:00+09:00' };
    expect(calls.find((c) => c.path.endsWith('/runs/preview'))?.body).toEqual(body);

    await userEvent.click(screen.getByRole('button', { name: '정산 실행' }));
    const dialog = screen.getByRole('alertdialog', { name: '정산을 실행할까요?' });
    expect(within(dialog).getByText(/간병인 1명의 정산서\(지급액 합계 216,000원\)/)).toBeDefined();
    expect(calls.some((c) => c.path === '/api/v1/admin/settlements/runs')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: '실행 확정' }));

    expect(await screen.findByText('정산서 1건을 만들었습니다.')).toBeDefined();
    expect(calls.find((c) => c.path === '/api/v1/admin/settlements/runs')?.body).toEqual(body);
    expect(screen.getByRole('link', { name: '정산 001-cccc 보기' }).getAttribute('href')).toBe('/admin/settlements/stl-00000001-cccc');
    const table = await screen.findByRole('table', { name: '정산 목록' });
    expect(within(table).getByText('지급 대기')).toBeDefined();
    expect(within(table).getByText('216,000원').className).toBe('num');
    expect(calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/admin/settlements')).toHaveLength(2);
  });

  it('goes back from the confirmation without running', async () => {
    const calls = stubApi({
      'GET /api/v1/admin/settlements': { body: { items: [], nextCursor: null } },
      'POST /api/v1/admin/settlements/runs/preview': { body: { items: [preview] } },
    });
    renderWithProviders(<AdminSettlementsPage />);
    await userEvent.click(await screen.findByRole('button', { name: '미리 보기' }));
    await userEvent.click(await screen.findByRole('button', { name: '정산 실행' }));
    await userEvent.click(screen.getByRole('button', { name: '돌아가기' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some((c) => c.path === '/api/v1/admin/settlements/runs')).toBe(false);
  });

  it('says when there is nothing to settle', async () => {
    stubApi({
      'GET /api/v1/admin/settlements': { body: { items: [], nextCursor: null } },
      'POST /api/v1/admin/settlements/runs/preview': { body: { items: [] } },
    });
    renderWithProviders(<AdminSettlementsPage />);
    await userEvent.click(await screen.findByRole('button', { name: '미리 보기' }));
    expect(await screen.findByText('이 기간에 정산할 예약이 없습니다.')).toBeDefined();
    expect(screen.queryByRole('button', { name: '정산 실행' })).toBeNull();
  });

  it('checks the period at the fields (summary, focus) and shows the server 400 at the end field', async () => {
    const calls = stubApi({
      'GET /api/v1/admin/settlements': { body: { items: [], nextCursor: null } },
      'POST /api/v1/admin/settlements/runs/preview': {
        status: 400,
        body: { status: 400, code: 'INVALID_PERIOD', title: 'Bad Request', errors: [{ field: 'periodEnd', message: 'must not be in the future' }] },
      },
    });
    renderWithProviders(<AdminSettlementsPage />);
    const end = await screen.findByLabelText(/정산 종료일/);
    await userEvent.clear(end);
    await userEvent.type(end, '2026-11-30');
    await userEvent.click(screen.getByRole('button', { name: '미리 보기' }));
    expect(await screen.findByText('종료일은 시작일보다 뒤여야 합니다.')).toBeDefined();
    expect(screen.getByRole('alert').textContent).toBe('입력한 내용을 확인해 주세요.');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(end));

    await userEvent.clear(end);
    await userEvent.type(end, '2026-12-10');
    await userEvent.click(screen.getByRole('button', { name: '미리 보기' }));
    expect(await screen.findByText('종료일은 오늘이거나 그 이전이어야 합니다.')).toBeDefined();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.clear(end);
    await userEvent.type(end, '2026-12-08');
    await userEvent.click(screen.getByRole('button', { name: '미리 보기' }));
    // The server's English message, shown in the UI's language.
    expect(await screen.findByText('미래의 날짜는 입력할 수 없습니다.')).toBeDefined();
    expect(end.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('AdminSettlementsPage: list, filters, CSV', () => {
  it('sends the filters (Seoul days) to the list and the CSV, which is fetched with the token and saved', async () => {
    signIn();
    const calls = stubApi({
      'GET /api/v1/admin/settlements': { body: { items: [settlement({ status: 'PAID', paidAt: '2026-12-08T02:00:00.000Z' })], nextCursor: null } },
      'GET /api/v1/admin/settlements/export.csv': { body: '정산ID' },
    });
    // jsdom has no blob URLs
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithProviders(<AdminSettlementsPage />);
    const table = await screen.findByRole('table', { name: '정산 목록' });
    expect(within(table).getByText('지급 완료')).toBeDefined();
    await userEvent.selectOptions(screen.getByLabelText('상태'), 'PAID');
    await userEvent.type(screen.getByLabelText('시작일'), '2026-12-01');
    await userEvent.type(screen.getByLabelText('종료일'), '2026-12-31');
    await userEvent.type(screen.getByLabelText('간병인 ID'), 'cg-1');
    await userEvent.click(screen.getByRole('button', { name: '검색' }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/admin/settlements')).toHaveLength(2));
    const query = calls.at(-1)?.query;
    expect(query?.get('status')).toBe('PAID');
    expect(query?.get('from')).toBe('2026-12-01T00:00:00+09:00');
    expect(query?.get('to')).toBe('2027-01-01T00:00:00+09:00');
    expect(window.location.search).toBe('?status=PAID&caregiverId=cg-1&from=2026-12-01&to=2026-12-31');

    await userEvent.click(screen.getByRole('button', { name: 'CSV 내려받기' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const csv = calls.find((c) => c.path.endsWith('/export.csv'));
    expect(csv?.query.get('status')).toBe('PAID');
    expect(csv?.query.get('caregiverId')).toBe('cg-1');
    expect(csv?.query.has('limit')).toBe(false);
    expect(csv?.headers.get('authorization')).toBe('Bearer test-access-token');
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('settlements-20261209.csv');
    expect(anchor.href).toBe('blob:csv');
    click.mockRestore();
  });
});

describe('AdminSettlementDetailPage: pay', () => {
  it('shows the totals and lines, pays with a transfer reference after confirming, then shows it PAID', async () => {
    let current = settlement();
    const calls = stubApi({
      'GET /api/v1/admin/settlements/{id}': () => ({ body: current }),
      'POST /api/v1/admin/settlements/{id}/pay': () => {
        current = settlement({ status: 'PAID', paidAt: '2026-12-09T01:00:00.000Z', transferReference: 'KB-20261209-1', payoutProvider: 'manual' });
        return { body: current };
      },
    });
    renderWithProviders(<AdminSettlementDetailPage params={{ id: 'stl-00000001-cccc' }} />);
    const summary = await screen.findByRole('region', { name: '정산 정보' });
    expect(within(summary).getByText('지급 대기')).toBeDefined();
    expect(within(summary).getByText('216,000원')).toBeDefined();
    expect(within(summary).getByText('수수료 (수수료율 10%)')).toBeDefined();
    expect(screen.getByRole('region', { name: /예약별 정산 내역/ })).toBeDefined();

    await userEvent.type(screen.getByLabelText('이체 참조'), 'KB-20261209-1');
    await userEvent.click(screen.getByRole('button', { name: '지급 완료로 표시' }));
    const dialog = screen.getByRole('alertdialog', { name: '지급 완료로 표시할까요?' });
    expect(within(dialog).getByText('김영희 님에게 216,000원을 지급한 것으로 기록합니다. 되돌릴 수 없습니다.')).toBeDefined();
    await userEvent.click(within(dialog).getByRole('button', { name: '지급 확정' }));
    expect(await screen.findByText('지급 완료로 표시했습니다.')).toBeDefined();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ transferReference: 'KB-20261209-1' });
    await waitFor(() => expect(within(screen.getByRole('region', { name: '정산 정보' })).getByText('지급 완료')).toBeDefined());
    expect(screen.getByText('KB-20261209-1')).toBeDefined();
    expect(screen.queryByRole('button', { name: '지급 완료로 표시' })).toBeNull();
  });

  it('shows a 409 (paid meanwhile) clearly and refreshes', async () => {
    let current = settlement();
    stubApi({
      'GET /api/v1/admin/settlements/{id}': () => ({ body: current }),
      'POST /api/v1/admin/settlements/{id}/pay': () => {
        current = settlement({ status: 'PAID', paidAt: '2026-12-09T00:00:00.000Z', payoutProvider: 'manual' });
        return { status: 409, body: { status: 409, code: 'SETTLEMENT_ALREADY_PAID', title: 'Conflict' } };
      },
    });
    renderWithProviders(<AdminSettlementDetailPage params={{ id: 'stl-00000001-cccc' }} />);
    await userEvent.click(await screen.findByRole('button', { name: '지급 완료로 표시' }));
    await userEvent.click(screen.getByRole('button', { name: '지급 확정' }));
    expect((await screen.findByRole('alert')).textContent).toBe('이미 지급 완료된 정산입니다. 화면을 새로 고쳤습니다.');
    await waitFor(() => expect(screen.queryByRole('button', { name: '지급 완료로 표시' })).toBeNull());
  });

  it('refuses a transfer reference over 100 characters at the field', async () => {
    const calls = stubApi({ 'GET /api/v1/admin/settlements/{id}': { body: settlement() } });
    renderWithProviders(<AdminSettlementDetailPage params={{ id: 'stl-00000001-cccc' }} />, { locale: 'en' });
    const input = await screen.findByLabelText('Transfer reference');
    await userEvent.click(input);
    await userEvent.paste('x'.repeat(101));
    await userEvent.click(screen.getByRole('button', { name: 'Mark as paid' }));
    expect(await screen.findByText('The transfer reference can be at most 100 characters.')).toBeDefined();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
