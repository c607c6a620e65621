import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, signIn, stubApi } from '../test/render.tsx';
import { AdminCaregiversPage } from './caregivers-page.tsx';
import { adminUser, caregiverProfile } from '../test/fixtures.ts';

const first = caregiverProfile();
const second = caregiverProfile({ id: 'cg-2', displayName: '이영희', certificates: [{ type: 'NURSE', number: 'RN-777' }], regions: [{ sido: '부산광역시' }], serviceTypes: ['HOME'] });

function stubQueue(extra: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/v1/users/me': { body: adminUser },
    'GET /api/v1/admin/caregivers': (call) => ({ body: { items: call.query.get('status') === 'PENDING' ? [first, second] : [], nextCursor: null } }),
    'GET /api/v1/caregivers/{id}': (call) => ({ body: call.path.endsWith('cg-2') ? second : first }),
    ...extra,
  });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/admin/caregivers');
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('AdminCaregiversPage', () => {
  it('lists pending caregivers with certificates, regions and service types', async () => {
    const calls = stubQueue();
    renderWithProviders(<AdminCaregiversPage />);
    const list = await screen.findByRole('list', { name: '간병인 목록' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0] as HTMLElement).getByText('요양보호사 2019-123456')).toBeDefined();
    expect(within(items[0] as HTMLElement).getByText('서울특별시 강남구')).toBeDefined();
    expect(within(items[0] as HTMLElement).getByText('병원 간병, 치매 돌봄')).toBeDefined();
    expect(calls.find((c) => c.path === '/api/v1/admin/caregivers')?.query.get('status')).toBe('PENDING');
  });

  it('approves the selected caregiver: POST approve, the item leaves the list, a notice confirms', async () => {
    const calls = stubQueue({ 'POST /api/v1/admin/caregivers/{id}/approve': { body: { ...first, status: 'APPROVED' } } });
    renderWithProviders(<AdminCaregiversPage />);
    await userEvent.click(await screen.findByRole('button', { name: '김영희 심사하기' }));
    expect(await screen.findByRole('heading', { name: '김영희 님 심사' })).toBeDefined();
    await userEvent.click(await screen.findByRole('button', { name: '승인' }));
    expect((await screen.findByRole('status')).textContent).toBe('김영희 님을 승인했습니다.');
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/admin/caregivers/cg-1/approve')).toBe(true);
    expect(screen.queryByRole('button', { name: '김영희 심사하기' })).toBeNull();
    expect(screen.getByRole('button', { name: '이영희 심사하기' })).toBeDefined();
  });

  it('refuses to reject without a reason, then sends the reason', async () => {
    const calls = stubQueue({ 'POST /api/v1/admin/caregivers/{id}/reject': { body: { ...second, status: 'REJECTED' } } });
    renderWithProviders(<AdminCaregiversPage />);
    await userEvent.click(await screen.findByRole('button', { name: '이영희 심사하기' }));
    await userEvent.click(await screen.findByRole('button', { name: '반려' }));
    expect(await screen.findByText('반려 사유를 입력해 주세요.')).toBeDefined();
    expect(screen.getByLabelText(/반려 사유/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(screen.getByLabelText(/반려 사유/), '자격증 사본이 흐립니다');
    await userEvent.click(screen.getByRole('button', { name: '반려' }));
    expect((await screen.findByRole('status')).textContent).toBe('이영희 님을 반려했습니다.');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/v1/admin/caregivers/cg-2/reject');
    expect(post?.body).toEqual({ reason: '자격증 사본이 흐립니다' });
  });

  it('asks the server for another status and shows the empty state (English)', async () => {
    const calls = stubQueue();
    renderWithProviders(<AdminCaregiversPage />, { locale: 'en' });
    await screen.findByRole('button', { name: 'Review 김영희' });
    await userEvent.selectOptions(screen.getByLabelText('Review status'), 'REJECTED');
    expect(await screen.findByText('No caregivers to review.')).toBeDefined();
    expect(calls.filter((c) => c.path === '/api/v1/admin/caregivers').map((c) => c.query.get('status'))).toEqual(['PENDING', 'REJECTED']);
    expect(window.location.search).toBe('?status=REJECTED');
  });

  it('opens a document with the admin token, shows images inline and PDFs in a frame, and revokes the URL on close', async () => {
    signIn();
    const create = vi.fn((_: Blob) => 'blob:doc');
    const revoke = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke }));
    const calls = stubQueue({ 'GET /api/v1/admin/caregivers/{id}/documents/{documentId}': { body: {} } });
    renderWithProviders(<AdminCaregiversPage />);
    await userEvent.click(await screen.findByRole('button', { name: '김영희 심사하기' }));
    await userEvent.click(await screen.findByRole('button', { name: '자격증 열기' }));
    const image = await screen.findByRole('img', { name: '김영희 님의 자격증' });
    expect(image.getAttribute('src')).toBe('blob:doc');
    const download = calls.find((c) => c.path === '/api/v1/admin/caregivers/cg-1/documents/doc-1');
    expect(download?.headers.get('authorization')).toBe('Bearer test-access-token');
    expect(screen.getByRole('link', { name: '내려받기' }).getAttribute('href')).toBe('blob:doc');
    await userEvent.click(screen.getByRole('button', { name: '서류 닫기' }));
    expect(revoke).toHaveBeenCalledWith('blob:doc');
    await userEvent.click(screen.getByRole('button', { name: '신분증 열기' }));
    await waitFor(() => expect(screen.getByTitle('김영희 님의 신분증').tagName).toBe('IFRAME'));
  });
});
