import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { adminUser, userDetail } from '../test/admin-users-fixtures.ts';
import { AdminUserDetailPage } from './user-detail-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const params = { id: 'user-00000001-cccc' };

describe('AdminUserDetailPage', () => {
  it('shows the account and its sections with links to the reservations', async () => {
    stubApi({ 'GET /api/v1/admin/users/{id}': { body: userDetail() } });
    renderWithProviders(<AdminUserDetailPage params={params} />);
    const card = await screen.findByRole('region', { name: '사용자 정보' });
    expect(within(card).getByText('cg@example.com')).toBeDefined();
    expect(within(card).getByText('활성')).toBeDefined();
    const reservations = screen.getByRole('table', { name: '예약' });
    expect(within(reservations).getByRole('link', { name: '001-aaaa' }).getAttribute('href')).toBe('/admin/reservations/res-00000001-aaaa');
    // Not suspended: nothing to resolve.
    expect(screen.queryByText('처리 필요')).toBeNull();
    expect(within(screen.getByRole('region', { name: '결제' })).getByText('없습니다.')).toBeDefined();
    expect(within(screen.getByRole('table', { name: '정산' })).getByText('108,000원')).toBeDefined();
    expect(within(screen.getByRole('table', { name: '감사 기록' })).getByText('caregiver.approve')).toBeDefined();
  });

  it('suspends: reason required (focused), a confirm step, then the reservations to resolve are marked', async () => {
    let suspended = false;
    const calls = stubApi({
      'GET /api/v1/admin/users/{id}': () => ({
        body: suspended ? userDetail({ user: adminUser({ status: 'SUSPENDED', suspendedAt: '2026-12-05T01:00:00.000Z', suspensionReason: '허위 자격증' }) }) : userDetail(),
      }),
      'POST /api/v1/admin/users/{id}/suspend': () => {
        suspended = true;
        return { body: adminUser({ status: 'SUSPENDED' }) };
      },
    });
    renderWithProviders(<AdminUserDetailPage params={params} />);
    await userEvent.click(await screen.findByRole('button', { name: '계정 정지' }));
    const panel = screen.getByRole('region', { name: '계정을 정지할까요?' });
    expect(within(panel).getByText(/확정·진행 중인 예약은 이 화면에 "처리 필요"로 남아/)).toBeDefined();
    await userEvent.click(within(panel).getByRole('button', { name: '다음' }));
    const reason = within(panel).getByLabelText(/정지 사유/);
    expect(await within(panel).findByText('정지 사유를 입력해 주세요.')).toBeDefined();
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    await userEvent.type(reason, '허위 자격증');
    await userEvent.click(within(panel).getByRole('button', { name: '다음' }));
    expect(within(panel).getByText('김영희 님의 계정을 지금 정지합니다.')).toBeDefined();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(within(panel).getByRole('button', { name: '정지 확정' }));
    expect(await screen.findByText('계정을 정지했습니다.')).toBeDefined();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/v1/admin/users/user-00000001-cccc/suspend');
    expect(post?.body).toEqual({ reason: '허위 자격증' });
    await screen.findByRole('button', { name: '정지 해제' });
    const rows = within(screen.getByRole('table', { name: '예약' })).getAllByRole('row');
    expect(within(rows[1] as HTMLElement).getByText('처리 필요')).toBeDefined();
    expect((rows[1] as HTMLElement).className).toBe('row-highlight');
    expect(within(rows[2] as HTMLElement).queryByText('처리 필요')).toBeNull();
    expect(screen.getByText(/확정·진행 중인 예약 1건을 직접 처리해 주세요/)).toBeDefined();
  });

  it('shows a 409 in words on the confirm step', async () => {
    stubApi({
      'GET /api/v1/admin/users/{id}': { body: userDetail({ user: adminUser({ role: 'ADMIN' }) }) },
      'POST /api/v1/admin/users/{id}/suspend': { status: 409, body: { status: 409, code: 'CANNOT_SUSPEND_SELF', title: 'Conflict' } },
    });
    renderWithProviders(<AdminUserDetailPage params={params} />, { locale: 'en' });
    await userEvent.click(await screen.findByRole('button', { name: 'Suspend account' }));
    // The panel moves focus to its heading on the next frame: typing before that loses the keys to the heading.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Suspend this account?' })));
    await userEvent.type(screen.getByLabelText(/Reason for suspension/), 'test');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm suspension' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You cannot suspend your own account.');
  });

  it('lifts a suspension with an optional reason', async () => {
    const calls = stubApi({
      'GET /api/v1/admin/users/{id}': { body: userDetail({ user: adminUser({ status: 'SUSPENDED', suspendedAt: '2026-12-05T01:00:00.000Z', suspensionReason: '확인 중' }) }) },
      'POST /api/v1/admin/users/{id}/unsuspend': { body: adminUser() },
    });
    renderWithProviders(<AdminUserDetailPage params={params} />);
    expect(await screen.findByText('확인 중')).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: '정지 해제' }));
    await userEvent.click(screen.getByRole('button', { name: '정지 해제 확정' }));
    expect(await screen.findByText('정지를 해제했습니다.')).toBeDefined();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/v1/admin/users/user-00000001-cccc/unsuspend');
    expect(post?.body).toEqual({});
  });
});
