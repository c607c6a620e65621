import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caregiverCard, guardianUser, regions } from '../test/fixtures.ts';
import { renderWithProviders, signIn, stubApi, type StubbedCall } from '../test/render.tsx';
import { CaregiverPage } from './caregiver-page.tsx';
import { FamilyHomePage } from './home-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const searches = (calls: StubbedCall[]) => calls.filter((c) => c.path === '/api/v1/caregivers');

const interpreted = {
  filters: { sido: '서울특별시', sigungu: '강남구', serviceType: ['DEMENTIA'], gender: 'FEMALE', minCareerYears: 5, maxHourlyRate: 20000 },
  interpretedBy: 'rules',
  explanation: '서울특별시 강남구, 치매 돌봄, 여성, 경력 5년 이상, 시급 20,000원 이하',
  items: [caregiverCard()],
};

describe('describe who you need', () => {
  it('turns the sentence into filters in the URL, shows them as chips, and searches again without a removed one', async () => {
    const calls = stubApi({
      'GET /api/v1/caregivers/regions': { body: regions },
      'GET /api/v1/caregivers/top': { body: { items: [], nextCursor: null } },
      'GET /api/v1/caregivers': { body: { items: [caregiverCard()], nextCursor: null } },
      'POST /api/v1/ai/caregiver-search': { body: interpreted },
    });
    renderWithProviders(<FamilyHomePage />);
    await userEvent.type(screen.getByLabelText('찾는 간병인 설명'), '강남 치매 어머니, 여성, 경력 5년 이상, 시급 2만원 이하');
    await userEvent.click(screen.getByRole('button', { name: '설명으로 찾기' }));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ query: '강남 치매 어머니, 여성, 경력 5년 이상, 시급 2만원 이하' });
    const url = new URLSearchParams(window.location.search);
    expect(Object.fromEntries(url)).toEqual({ sido: '서울특별시', sigungu: '강남구', serviceType: 'DEMENTIA', gender: 'FEMALE', minCareerYears: '5', maxHourlyRate: '20000' });
    expect((await screen.findAllByText(/서울특별시 강남구, 치매 돌봄, 여성/)).length).toBeGreaterThan(0);
    const chips = await screen.findByRole('list', { name: '적용된 조건 (눌러서 빼기)' });
    expect(within(chips).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      '서울특별시 조건 빼기',
      '강남구 조건 빼기',
      '치매 돌봄 조건 빼기',
      '여성 조건 빼기',
      '경력 5년 이상 조건 빼기',
      '시급 20,000원 이하 조건 빼기',
    ]);
    await waitFor(() => expect(searches(calls).at(-1)?.query.get('minCareerYears')).toBe('5'));

    await userEvent.click(within(chips).getByRole('button', { name: '경력 5년 이상 조건 빼기' }));
    await waitFor(() => expect(searches(calls).at(-1)?.query.has('minCareerYears')).toBe(false));
    expect(searches(calls).at(-1)?.query.get('sigungu')).toBe('강남구');
    expect(new URLSearchParams(window.location.search).has('minCareerYears')).toBe(false);
    expect(within(screen.getByRole('list', { name: '적용된 조건 (눌러서 빼기)' })).queryByRole('button', { name: '경력 5년 이상 조건 빼기' })).toBeNull();
    // Removing the city removes its district too.
    await userEvent.click(screen.getByRole('button', { name: '서울특별시 조건 빼기' }));
    await waitFor(() => expect(searches(calls).at(-1)?.query.has('sido')).toBe(false));
    expect(searches(calls).at(-1)?.query.has('sigungu')).toBe(false);
  });

  it('shows a failure as the app shows problems elsewhere, in English too', async () => {
    stubApi({
      'GET /api/v1/caregivers/top': { body: { items: [], nextCursor: null } },
      'GET /api/v1/caregivers': { body: { items: [], nextCursor: null } },
      'POST /api/v1/ai/caregiver-search': { status: 429, body: { status: 429, code: 'AI_RATE_LIMITED', title: 'Too Many Requests' } },
    });
    renderWithProviders(<FamilyHomePage />, { locale: 'en' });
    await userEvent.type(screen.getByLabelText('Who do you need?'), 'night care in Busan');
    await userEvent.click(screen.getByRole('button', { name: 'Find from description' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Too many requests. Please try again in a moment.');
    expect(window.location.search).toBe('');
  });
});

describe('messaging a caregiver', () => {
  it('opens the room of the pair from the caregiver page and goes to it', async () => {
    signIn();
    const calls = stubApi({
      'GET /api/v1/users/me': { body: guardianUser },
      'GET /api/v1/caregivers/{id}': { body: caregiverCard() },
      'GET /api/v1/caregivers/{id}/busy': { body: [] },
      'GET /api/v1/caregivers/{id}/reviews': { body: { items: [], nextCursor: null } },
      'POST /api/v1/chat/rooms': { status: 201, body: { id: 'room-1' } },
    });
    renderWithProviders(<CaregiverPage params={{ id: 'cg-1' }} />);
    await userEvent.click(await screen.findByRole('button', { name: '메시지 보내기' }));
    await waitFor(() => expect(window.location.pathname).toBe('/chat/room-1'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ caregiverId: 'cg-1' });
  });
});
