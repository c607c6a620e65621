import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi, type StubbedCall } from '../test/render.tsx';
import { BookingPage } from './booking-page.tsx';
import { bookingTimes, parseConditions } from './booking.ts';
import { caregiverCard, quote, regions, reservation } from '../test/fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

type Answer = { status?: number; body?: unknown } | ((call: StubbedCall) => { status?: number; body?: unknown });

function stubBooking(post: Answer, quoteAnswer: Answer = (call) => ({ body: quote(Number(new Date(call.query.get('endAt') ?? '').getTime() - new Date(call.query.get('startAt') ?? '').getTime()) / 3600_000) })) {
  return stubApi({
    'GET /api/v1/caregivers/regions': { body: regions },
    'GET /api/v1/caregivers/{id}': { body: caregiverCard() },
    'GET /api/v1/quotes': quoteAnswer,
    'POST /api/v1/reservations': post,
  });
}

async function fillRequired() {
  await waitFor(() => expect((screen.getByLabelText(/시·도/) as HTMLSelectElement).disabled).toBe(false));
  await userEvent.selectOptions(screen.getByLabelText(/시·도/), '서울특별시');
  await userEvent.type(screen.getByLabelText(/상세 주소/), '서울병원 501호');
  await userEvent.type(screen.getByLabelText(/환자 이름/), '박환자');
  await userEvent.type(screen.getByLabelText(/질환·상태/), '치매, 당뇨{Enter}고혈압');
}

const posts = (calls: StubbedCall[]) => calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/reservations');
const problem = (status: number, code: string, errors?: { field: string; message: string }[]) => ({ status, body: { status, code, title: code, detail: code, ...(errors ? { errors } : {}) } });

describe('booking helpers', () => {
  it('computes the end from whole hours or days in Seoul time', () => {
    expect(bookingTimes('2026-12-01T09:00', 'HOURLY', '4')).toEqual({ startAt: '2026-12-01T09:00:00+09:00', endAt: '2026-12-01T13:00:00+09:00' });
    expect(bookingTimes('2026-12-01T09:00', 'DAILY', '2')?.endAt).toBe('2026-12-03T09:00:00+09:00');
    expect(bookingTimes('', 'HOURLY', '4')).toBeUndefined();
    expect(parseConditions('치매, 당뇨\n치매,, ')).toEqual(['치매', '당뇨']);
  });
});

describe('BookingPage', () => {
  it('requires the sensitive-data consent and shows the error next to the box', async () => {
    const calls = stubBooking({ status: 201, body: reservation() });
    renderWithProviders(<BookingPage params={{ caregiverId: 'cg-1' }} />);
    await screen.findByRole('heading', { name: '김영희 간병인 예약' });
    await fillRequired();
    await userEvent.click(screen.getByRole('button', { name: '예약 요청하기' }));
    const box = screen.getByRole('checkbox', { name: '위 민감정보 수집·이용에 동의합니다 (필수)' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe('민감정보 수집·이용에 동의해야 예약할 수 있습니다.');
    expect(posts(calls)).toHaveLength(0);
  });

  it('refreshes the itemized quote as the duration changes', async () => {
    const calls = stubBooking({ status: 201, body: reservation() });
    renderWithProviders(<BookingPage params={{ caregiverId: 'cg-1' }} />);
    expect(await screen.findByText('60,000원', { selector: 'output' })).toBeTruthy();
    const duration = screen.getByLabelText(/이용 시간/);
    await userEvent.clear(duration);
    await userEvent.type(duration, '6');
    expect(await screen.findByText('90,000원', { selector: 'output' })).toBeTruthy();
    const last = calls.filter((c) => c.path === '/api/v1/quotes').at(-1);
    expect(last?.query.get('caregiverId')).toBe('cg-1');
    expect(last?.query.get('rateType')).toBe('HOURLY');
    expect(new Date(last?.query.get('endAt') ?? '').getTime() - new Date(last?.query.get('startAt') ?? '').getTime()).toBe(6 * 3600_000);
    // Debounced: typing "clear, 6" did not ask for every keystroke's value (empty duration is not priced).
    expect(calls.filter((c) => c.path === '/api/v1/quotes').length).toBeLessThanOrEqual(3);
  });

  it("shows the quote's problem, e.g. a start too soon", async () => {
    stubBooking({ status: 201, body: reservation() }, problem(400, 'VALIDATION_FAILED', [{ field: 'startAt', message: 'must be at least 1 hour from now' }]));
    renderWithProviders(<BookingPage params={{ caregiverId: 'cg-1' }} />);
    // The server's rule in the reader's language (ui/validation-messages.ts), never its English.
    expect((await screen.findByText('시작 일시는 지금부터 최소 1시간 뒤여야 합니다.')).closest('[role="alert"]')).toBeTruthy();
  });

  it('sends the booking once with an Idempotency-Key, the same key on a retry, and opens the reservation', async () => {
    let attempts = 0;
    const calls = stubBooking(() => (++attempts === 1 ? problem(503, 'UNEXPECTED') : { status: 201, body: reservation({ id: 'r-77' }) }));
    renderWithProviders(<BookingPage params={{ caregiverId: 'cg-1' }} />);
    await screen.findByRole('heading', { name: '김영희 간병인 예약' });
    await fillRequired();
    await userEvent.click(screen.getByRole('checkbox', { name: /민감정보 수집·이용에 동의합니다/ }));
    await userEvent.click(screen.getByRole('button', { name: '예약 요청하기' }));
    await screen.findByRole('alert');
    await userEvent.click(screen.getByRole('button', { name: '예약 요청하기' }));
    await waitFor(() => expect(window.location.pathname).toBe('/reservations/r-77'));
    const [first, second] = posts(calls);
    const key = first?.headers.get('idempotency-key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.headers.get('idempotency-key')).toBe(key);
    expect(second?.body).toMatchObject({
      caregiverId: 'cg-1',
      serviceType: 'HOSPITAL',
      rateType: 'HOURLY',
      location: { sido: '서울특별시', address: '서울병원 501호' },
      patient: { name: '박환자', conditions: ['치매', '당뇨', '고혈압'] },
    });
    expect(JSON.stringify(second?.body)).not.toMatch(/amount|consent/i);
  });

  it('shows the server field errors next to their fields', async () => {
    stubBooking(
      problem(400, 'VALIDATION_FAILED', [
        { field: 'patient.name', message: 'must not be blank' },
        { field: 'startAt', message: 'must be at least 1 hour from now' },
      ]),
    );
    renderWithProviders(<BookingPage params={{ caregiverId: 'cg-1' }} />);
    await screen.findByRole('heading', { name: '김영희 간병인 예약' });
    await fillRequired();
    await userEvent.click(screen.getByRole('checkbox', { name: /민감정보/ }));
    await userEvent.click(screen.getByRole('button', { name: '예약 요청하기' }));
    // A summary at the top lists every invalid field, and the first gets focus.
    const summary = (await screen.findAllByRole('alert'))[0];
    expect(summary?.textContent).toContain('입력 내용을 확인해 주세요');
    expect(summary?.textContent).toContain('환자 이름: 필수 입력 항목입니다.');
    const name = screen.getByLabelText(/환자 이름/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe('필수 입력 항목입니다.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/시작 일시/)));
    expect(screen.getByLabelText(/시작 일시/).getAttribute('aria-invalid')).toBe('true');
  });

  it('explains an overlapping booking and links to the busy times (English)', async () => {
    stubBooking(problem(409, 'RESERVATION_OVERLAP'));
    renderWithProviders(<BookingPage params={{ caregiverId: 'cg-1' }} />, { locale: 'en' });
    await screen.findByRole('heading', { name: 'Book 김영희' });
    await waitFor(() => expect((screen.getByLabelText(/Province/) as HTMLSelectElement).disabled).toBe(false));
    await userEvent.selectOptions(screen.getByLabelText(/Province/), '서울특별시');
    await userEvent.type(screen.getByLabelText(/Address/), 'Seoul hospital 501');
    await userEvent.type(screen.getByLabelText(/Patient name/), 'Park');
    await userEvent.click(screen.getByRole('checkbox', { name: /I agree/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Request booking' }));
    const alert = await screen.findByText(/already booked at that time/);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(screen.getByRole('link', { name: "See the caregiver's booked times" }).getAttribute('href')).toBe('/caregivers/cg-1');
  });
});
