import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { adminUser } from '../test/admin-users-fixtures.ts';
import { AdminUsersPage } from './users-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AdminUsersPage', () => {
  beforeEach(() => window.history.replaceState(null, '', '/admin/users'));

  it('lists users with role, status badge and a link to the detail', async () => {
    stubApi({
      'GET /api/v1/admin/users': { body: { items: [adminUser(), adminUser({ id: 'user-2', name: '박보호', role: 'GUARDIAN', status: 'SUSPENDED', phone: null })], nextCursor: null } },
    });
    renderWithProviders(<AdminUsersPage />);
    const table = await screen.findByRole('table', { name: '사용자 목록' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: '김영희' }).getAttribute('href')).toBe('/admin/users/user-00000001-cccc');
    expect(within(rows[1] as HTMLElement).getByText('활성').className).toBe('badge badge-good');
    expect(within(rows[2] as HTMLElement).getByText('정지됨').className).toBe('badge badge-bad');
    expect(within(rows[2] as HTMLElement).getByText('보호자')).toBeDefined();
  });

  it('searches by text, role and status, keeping the filters in the address', async () => {
    const calls = stubApi({ 'GET /api/v1/admin/users': { body: { items: [adminUser()], nextCursor: null } } });
    renderWithProviders(<AdminUsersPage />);
    await screen.findByRole('table');
    expect(calls[0]?.query.has('q')).toBe(false);
    await userEvent.type(screen.getByLabelText('검색어'), ' 010-1234 ');
    await userEvent.selectOptions(screen.getByLabelText('역할'), 'CAREGIVER');
    await userEvent.selectOptions(screen.getByLabelText('상태'), 'SUSPENDED');
    await userEvent.click(screen.getByRole('button', { name: '검색' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    const query = calls.at(-1)?.query;
    expect(query?.get('q')).toBe('010-1234');
    expect(query?.get('role')).toBe('CAREGIVER');
    expect(query?.get('status')).toBe('SUSPENDED');
    expect(query?.get('limit')).toBe('20');
    expect(window.location.search).toBe('?q=010-1234&role=CAREGIVER&status=SUSPENDED');
    await userEvent.click(screen.getByRole('button', { name: '조건 지우기' }));
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls.at(-1)?.query.has('role')).toBe(false);
  });

  it('loads the next page with the cursor and says when nothing matches (English)', async () => {
    window.history.replaceState(null, '', '/admin/users?q=nobody');
    const calls = stubApi({
      'GET /api/v1/admin/users': (call) =>
        call.query.get('q') === 'nobody'
          ? { body: { items: [], nextCursor: null } }
          : call.query.get('cursor') === 'c2'
            ? { body: { items: [adminUser({ id: 'user-3', name: 'Third' })], nextCursor: null } }
            : { body: { items: [adminUser()], nextCursor: 'c2' } },
    });
    renderWithProviders(<AdminUsersPage />, { locale: 'en' });
    expect(await screen.findByText('No users match these filters.')).toBeDefined();
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('nobody');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByRole('table', { name: 'Users' });
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: 'Third' })).toBeDefined();
    expect(calls.at(-1)?.query.get('cursor')).toBe('c2');
  });
});
