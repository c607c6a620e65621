import { screen, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { caregiverMessages } from './messages.ts';
import { WorkActions } from './work-actions.tsx';
import { caregiverUser, reservation } from '../test/fixtures.ts';
import { renderWithProviders, signIn, stubApi } from '../test/render.tsx';

// Issue 13 item 8: check-in was offered days early and failed with 409; now the button says when it opens
// and turns on by itself then. Check-out likewise waits for the start.

const m = caregiverMessages.ko.schedule;
const description = (element: HTMLElement) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

it('keeps check-in disabled, saying when it opens, and enables it at that time', async () => {
  stubApi({ 'GET /api/v1/users/me': { body: caregiverUser } });
  signIn();
  const r = reservation({ status: 'CONFIRMED', checkInOpensAt: soon(400), checkOutOpensAt: soon(3_600_000) });
  renderWithProviders(<WorkActions reservation={r} onDone={() => undefined} />);
  const button = screen.getByRole('button', { name: m.checkIn });
  expect((button as HTMLButtonElement).disabled).toBe(true);
  expect(description(button)).toMatch(/체크인은 .*부터 할 수 있습니다/);
  await waitFor(() => expect((screen.getByRole('button', { name: m.checkIn }) as HTMLButtonElement).disabled).toBe(false), { timeout: 3_000 });
  expect(screen.queryByText(/체크인은 .*부터/)).toBeNull();
});

it('keeps check-out disabled until the start after an early check-in', () => {
  stubApi({ 'GET /api/v1/users/me': { body: caregiverUser } });
  signIn();
  const r = reservation({ status: 'IN_PROGRESS', checkedInAt: soon(-60_000), checkOutOpensAt: soon(50 * 60_000) });
  renderWithProviders(<WorkActions reservation={r} onDone={() => undefined} />, { locale: 'en' });
  const button = screen.getByRole('button', { name: caregiverMessages.en.schedule.checkOut });
  expect((button as HTMLButtonElement).disabled).toBe(true);
  expect(description(button)).toMatch(/^Check-out opens at the start, /);
});

it('offers check-in at once when it is already open', () => {
  stubApi({ 'GET /api/v1/users/me': { body: caregiverUser } });
  signIn();
  renderWithProviders(<WorkActions reservation={reservation({ status: 'CONFIRMED', checkInOpensAt: soon(-1) })} onDone={() => undefined} />);
  expect((screen.getByRole('button', { name: m.checkIn }) as HTMLButtonElement).disabled).toBe(false);
});
