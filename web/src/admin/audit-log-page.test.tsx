import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { auditEntry } from '../test/admin-users-fixtures.ts';
import { AdminAuditLogPage } from './audit-log-page.tsx';
import { detailLines } from './audit-view.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AdminAuditLogPage', () => {
  beforeEach(() => window.history.replaceState(null, '', '/admin/audit-log'));

  it('shows entries newest first with readable details and links to the user', async () => {
    stubApi({
      'GET /api/v1/admin/audit-log': {
        body: { items: [auditEntry(), auditEntry({ id: 'audit-2', actorId: null, actorRole: null, action: 'settlement.run', resourceType: 'settlement_run', resourceId: 'run-1', details: { count: 3, period: { start: 'a' } }, requestId: null })], nextCursor: null },
      },
    });
    renderWithProviders(<AdminAuditLogPage />);
    const table = await screen.findByRole('table', { name: '감사 로그' });
    const rows = within(table).getAllByRole('row');
    const first = rows[1] as HTMLElement;
    expect(within(first).getByText('user.suspend')).toBeDefined();
    expect(within(first).getByText('reason: 허위 자격증')).toBeDefined();
    expect(within(first).getByRole('link', { name: '001-cccc' }).getAttribute('href')).toBe('/admin/users/user-00000001-cccc');
    expect(within(first).getByText('(관리자)')).toBeDefined();
    const second = rows[2] as HTMLElement;
    expect(within(second).getByText('시스템')).toBeDefined();
    expect(within(second).getByText('period: {"start":"a"}')).toBeDefined();
  });

  it('sends the filters (trimmed, Seoul days as a half-open range) and keeps them in the address', async () => {
    const calls = stubApi({ 'GET /api/v1/admin/audit-log': { body: { items: [], nextCursor: null } } });
    renderWithProviders(<AdminAuditLogPage />);
    await screen.findByText('조건에 맞는 기록이 없습니다.');
    await userEvent.type(screen.getByLabelText('수행자 ID'), ' admin-1 ');
    await userEvent.type(screen.getByLabelText(/^작업/), 'user.');
    await userEvent.type(screen.getByLabelText('대상 종류'), 'user');
    await userEvent.type(screen.getByLabelText('대상 ID'), 'user-9');
    await userEvent.type(screen.getByLabelText(/^시작일/), '2026-12-01');
    await userEvent.type(screen.getByLabelText(/^종료일/), '2026-12-03');
    await userEvent.click(screen.getByRole('button', { name: '검색' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    const query = calls.at(-1)?.query;
    expect(Object.fromEntries(query ?? [])).toEqual({
      limit: '20',
      actorId: 'admin-1',
      action: 'user.',
      resourceType: 'user',
      resourceId: 'user-9',
      from: '2026-12-01T00:00:00+09:00',
      to: '2026-12-04T00:00:00+09:00',
    });
    expect(window.location.search).toBe('?actorId=admin-1&action=user.&resourceType=user&resourceId=user-9&from=2026-12-01&to=2026-12-03');
  });

  it('refuses an end date before the start date at the field, focused, without asking the server', async () => {
    const calls = stubApi({ 'GET /api/v1/admin/audit-log': { body: { items: [], nextCursor: null } } });
    renderWithProviders(<AdminAuditLogPage />, { locale: 'en' });
    await screen.findByText('No entries match these filters.');
    await userEvent.type(screen.getByLabelText(/^From/), '2026-12-10');
    const to = screen.getByLabelText(/^To/);
    await userEvent.type(to, '2026-12-01');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The end date must be on or after the start date.');
    await waitFor(() => expect(document.activeElement).toBe(to));
    expect(calls).toHaveLength(1);
  });
});

describe('detailLines', () => {
  it('turns details into key: value lines, skipping empty values', () => {
    expect(detailLines(null)).toEqual([]);
    expect(detailLines('x')).toEqual(['x']);
    expect(detailLines({ reason: 'r', amount: 1000, note: null, ids: ['a', 'b'] })).toEqual(['reason: r', 'amount: 1000', 'ids: ["a","b"]']);
  });
});
