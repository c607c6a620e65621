import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeSocket, withLiveSocket } from '../test/fake-socket.ts';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { AdminReservationsPage } from './reservations-page.tsx';
import { adminUser, reservation } from '../test/fixtures.ts';

// Drives the real live connection (api/live.ts) with a fake WebSocket: frames reach the table the way
// the server's would.

withLiveSocket();

describe('live updates of the reservations table', () => {
  it('changes the row in place and announces it; a frame for an unknown reservation offers a refresh', async () => {
    window.history.replaceState(null, '', '/admin/reservations');
    let second = false;
    const calls = stubApi({
      'GET /api/v1/users/me': { body: adminUser },
      'GET /api/v1/admin/reservations': () => ({ body: { items: second ? [reservation({ id: 'res-new' }), reservation()] : [reservation()], nextCursor: null } }),
    });
    renderWithProviders(<AdminReservationsPage />);
    const table = await screen.findByRole('table', { name: '예약 목록' });
    await waitFor(() => expect(FakeSocket.last).toBeDefined());
    const socket = FakeSocket.last as FakeSocket;

    socket.emit({ type: 'reservation.updated', reservation: { id: 'res-00000001-aaaa', status: 'ACCEPTED' } });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('수락됨 · 결제 대기')).toBeDefined();
    expect(row.className).toBe('row-highlight');
    expect(screen.getByText('예약 상태 변경: 001-aaaa → 수락됨 · 결제 대기')).toBeDefined();
    expect(calls.filter((c) => c.path === '/api/v1/admin/reservations')).toHaveLength(1);

    socket.emit({ type: 'reservation.updated', reservation: { id: 'res-new', status: 'REQUESTED' } });
    second = true;
    await userEvent.click(screen.getByRole('button', { name: '새 예약이 있습니다 — 새로 고침' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: '새 예약이 있습니다 — 새로 고침' })).toBeNull();
  });
});
