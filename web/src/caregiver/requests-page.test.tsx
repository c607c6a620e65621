import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, signIn, stubApi } from '../test/render.tsx';
import { CaregiverRequestsPage } from './requests-page.tsx';
import { page, reservation } from '../test/fixtures.ts';

beforeEach(() => signIn());
afterEach(() => vi.unstubAllGlobals());

function stubRequests(items: unknown[], extra: Parameters<typeof stubApi>[0] = {}) {
  let list = items;
  const calls = stubApi({
    'GET /api/v1/reservations': () => ({ body: page(list) }),
    'POST /api/v1/reservations/{id}/accept': () => {
      list = [];
      return { body: reservation({ status: 'ACCEPTED' }) };
    },
    'POST /api/v1/reservations/{id}/reject': () => {
      list = [];
      return { body: reservation({ status: 'REJECTED' }) };
    },
    ...extra,
  });
  return calls;
}

describe('CaregiverRequestsPage', () => {
  it('asks only for REQUESTED reservations and says when there are none', async () => {
    const calls = stubRequests([]);
    renderWithProviders(<CaregiverRequestsPage />);
    expect(await screen.findByText('새 요청이 없습니다. 새 요청이 오면 여기에 바로 나타납니다.')).toBeTruthy();
    expect(calls[0]?.query.getAll('status')).toEqual(['REQUESTED']);
  });

  it('shows what the caregiver needs to decide: patient, place, message, deadline and price', async () => {
    stubRequests([reservation()]);
    renderWithProviders(<CaregiverRequestsPage />);
    const card = await screen.findByRole('article');
    expect(within(card).getByText('박환자 · 1940년생 · 남성')).toBeTruthy();
    expect(within(card).getByText('치매 초기, 낙상 위험')).toBeTruthy();
    expect(within(card).getByText('밤에 자주 깹니다.')).toBeTruthy();
    expect(within(card).getByText('서울특별시 강남구 서울병원 503호')).toBeTruthy();
    expect(within(card).getByText('잘 부탁드립니다.')).toBeTruthy();
    expect(within(card).getByText('응답 기한')).toBeTruthy();
    expect(within(card).getByText('2026년 11월 26일 (목) 오전 9:00')).toBeTruthy();
    expect(within(card).getByText('병원 간병 · 시간제')).toBeTruthy();
    expect(within(card).getByRole('group', { name: '요금 내역' }).textContent).toContain('60,000원');
  });

  it('accepts with the optional note and removes the request', async () => {
    const calls = stubRequests([reservation()]);
    renderWithProviders(<CaregiverRequestsPage />);
    await userEvent.click(await screen.findByRole('button', { name: '수락' }));
    await userEvent.type(screen.getByLabelText('보호자에게 남길 메모 (선택)'), '시간 맞춰 가겠습니다.');
    await userEvent.click(screen.getByRole('button', { name: '수락 확정' }));
    expect(await screen.findByText('수락했습니다. 보호자가 결제하면 예약이 확정됩니다.')).toBeTruthy();
    const accept = calls.find((c) => c.method === 'POST');
    expect(accept?.path).toBe('/api/v1/reservations/res-00000001-aaaa/accept');
    expect(accept?.body).toEqual({ caregiverNote: '시간 맞춰 가겠습니다.' });
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull());
  });

  it('accepts without a note with an empty body', async () => {
    const calls = stubRequests([reservation()]);
    renderWithProviders(<CaregiverRequestsPage />, { locale: 'en' });
    await userEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm acceptance' }));
    await screen.findByText('Accepted. The booking is confirmed once the family pays.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({});
  });

  it('requires a reason to decline, then sends it with the suggested alternative', async () => {
    const calls = stubRequests([reservation()]);
    renderWithProviders(<CaregiverRequestsPage />);
    await userEvent.click(await screen.findByRole('button', { name: '거절' }));
    await userEvent.click(screen.getByRole('button', { name: '거절 보내기' }));
    expect(screen.getByText('거절 사유를 입력해 주세요.')).toBeTruthy();
    expect(screen.getByLabelText(/거절 사유/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(screen.getByLabelText(/거절 사유/), '그날은 다른 일정이 있습니다.');
    await userEvent.type(screen.getByLabelText('다른 일정 제안 (선택)'), '다음 주 월요일부터 가능합니다.');
    await userEvent.click(screen.getByRole('button', { name: '거절 보내기' }));
    await screen.findByText('거절했습니다.');
    const reject = calls.find((c) => c.method === 'POST');
    expect(reject?.path).toBe('/api/v1/reservations/res-00000001-aaaa/reject');
    expect(reject?.body).toEqual({ reason: '그날은 다른 일정이 있습니다.', suggestedAlternative: '다음 주 월요일부터 가능합니다.' });
  });

  it('shows a conflict readably when the request already changed', async () => {
    stubRequests([reservation()], { 'POST /api/v1/reservations/{id}/accept': { status: 409, body: { status: 409, code: 'INVALID_TRANSITION', detail: 'x' } } });
    renderWithProviders(<CaregiverRequestsPage />);
    await userEvent.click(await screen.findByRole('button', { name: '수락' }));
    await userEvent.click(screen.getByRole('button', { name: '수락 확정' }));
    expect((await screen.findByRole('alert')).textContent).toContain('지금 상태에서는 할 수 없는 작업입니다.');
  });
});
