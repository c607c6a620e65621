import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi, type StubbedCall } from '../test/render.tsx';
import { FamilyHomePage } from './home-page.tsx';
import { apiQuery, filtersFromUrl, filtersToUrl } from './search-query.ts';
import { caregiverCard, regions } from '../test/fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const searchCalls = (calls: StubbedCall[]) => calls.filter((c) => c.path === '/api/v1/caregivers');

describe('search query', () => {
  it('sends only known, non-empty parameters; dates as Seoul time with an offset', () => {
    const filters = filtersFromUrl(new URLSearchParams('sido=서울특별시&serviceType=HOSPITAL&serviceType=NIGHT&serviceType=BOGUS&availableFrom=2026-12-01T09:00&availableTo=2026-12-01T18:00&gender=&utm_source=x'));
    expect(apiQuery(filters)).toEqual({
      sido: '서울특별시',
      serviceType: ['HOSPITAL', 'NIGHT'],
      availableFrom: '2026-12-01T09:00:00+09:00',
      availableTo: '2026-12-01T18:00:00+09:00',
    });
  });

  it('leaves out half-filled dates, a sigungu without sido and the default sort', () => {
    const filters = filtersFromUrl(new URLSearchParams('sigungu=강남구&availableFrom=2026-12-01T09:00&sort=recommended&minRating=4'));
    expect(apiQuery(filters)).toEqual({ minRating: 4 });
    expect(filtersToUrl(filters)).toBe('availableFrom=2026-12-01T09%3A00&minRating=4');
  });
});

describe('FamilyHomePage', () => {
  it('searches with the filters in the URL and shows caregiver cards', async () => {
    window.history.replaceState(null, '', '/?sido=서울특별시&serviceType=DEMENTIA&sort=rating');
    const calls = stubApi({
      'GET /api/v1/caregivers/regions': { body: regions },
      'GET /api/v1/caregivers': { body: { items: [caregiverCard({ photoUrl: '/api/v1/caregivers/cg-1/photo' }), caregiverCard({ id: 'cg-2', displayName: '이철수', reviewCount: 0, ratingAverage: 0 })], nextCursor: null } },
    });
    renderWithProviders(<FamilyHomePage />);
    const card = (await screen.findByRole('link', { name: '김영희 상세 보기' })).closest('li') as HTMLElement;
    expect(card.getAttribute('class')).toContain('card');
    expect(within(card).getByRole('img', { name: '김영희 간병인 사진' }).getAttribute('src')).toBe('/api/v1/caregivers/cg-1/photo');
    expect(within(card).getByText('★ 4.8 (후기 25개)')).toBeTruthy();
    expect(within(card).getByText(/시간당 15,000원 · 하루 130,000원/)).toBeTruthy();
    expect(within(card).getByText(/자격 확인됨/)).toBeTruthy();
    expect(within(card).getByText('병원 간병 · 치매 돌봄')).toBeTruthy();
    expect(screen.getByText('아직 후기 없음')).toBeTruthy();
    const query = searchCalls(calls)[0]?.query;
    expect(query?.get('sido')).toBe('서울특별시');
    expect(query?.getAll('serviceType')).toEqual(['DEMENTIA']);
    expect(query?.get('sort')).toBe('rating');
    expect([...(query?.keys() ?? [])].sort()).toEqual(['limit', 'serviceType', 'sido', 'sort']);
    // A filter is set: no popular strip.
    expect(calls.some((c) => c.path === '/api/v1/caregivers/top')).toBe(false);
  });

  it('puts the submitted filters in the URL and searches again', async () => {
    const calls = stubApi({
      'GET /api/v1/caregivers/regions': { body: regions },
      'GET /api/v1/caregivers/top': { body: { items: [], nextCursor: null } },
      'GET /api/v1/caregivers': { body: { items: [caregiverCard()], nextCursor: null } },
    });
    renderWithProviders(<FamilyHomePage />);
    await screen.findByRole('link', { name: '김영희 상세 보기' });
    await waitFor(() => expect((screen.getByLabelText('시·도') as HTMLSelectElement).disabled).toBe(false));
    await userEvent.selectOptions(screen.getByLabelText('시·도'), '부산광역시');
    await userEvent.click(screen.getByRole('checkbox', { name: '야간 돌봄' }));
    await userEvent.click(screen.getByRole('checkbox', { name: '재가 돌봄' }));
    await userEvent.selectOptions(screen.getByLabelText('성별'), 'MALE');
    await userEvent.click(screen.getByRole('button', { name: '검색' }));
    await waitFor(() => expect(searchCalls(calls)).toHaveLength(2));
    const url = new URLSearchParams(window.location.search);
    expect(url.get('sido')).toBe('부산광역시');
    expect(url.getAll('serviceType')).toEqual(['HOME', 'NIGHT']);
    const query = searchCalls(calls)[1]?.query;
    expect(query?.getAll('serviceType')).toEqual(['HOME', 'NIGHT']);
    expect(query?.get('gender')).toBe('MALE');
    expect(query?.has('language')).toBe(false);
  });

  it('refuses half-filled dates with a message next to the field', async () => {
    const calls = stubApi({ 'GET /api/v1/caregivers': { body: { items: [], nextCursor: null } }, 'GET /api/v1/caregivers/top': { body: { items: [], nextCursor: null } } });
    renderWithProviders(<FamilyHomePage />);
    await userEvent.type(screen.getByLabelText('시작 일시'), '2026-12-01T09:00');
    await userEvent.click(screen.getByRole('button', { name: '검색' }));
    expect(screen.getByText('시작과 종료 일시를 모두 입력해 주세요.')).toBeTruthy();
    expect(window.location.search).toBe('');
    expect(searchCalls(calls)).toHaveLength(1);
  });

  it('shows the empty state with a hint to widen the filters', async () => {
    window.history.replaceState(null, '', '/?maxHourlyRate=1000');
    stubApi({ 'GET /api/v1/caregivers': { body: { items: [], nextCursor: null } } });
    renderWithProviders(<FamilyHomePage />);
    expect(await screen.findByText('조건에 맞는 간병인이 없습니다')).toBeTruthy();
    expect(screen.getByText(/지역을 넓히거나/)).toBeTruthy();
  });

  it('shows an error with a retry that searches again', async () => {
    window.history.replaceState(null, '', '/?gender=FEMALE');
    let fail = true;
    const calls = stubApi({
      'GET /api/v1/caregivers': () => (fail ? { status: 503, body: { status: 503, code: 'UNEXPECTED', title: 'x' } } : { body: { items: [caregiverCard()], nextCursor: null } }),
    });
    renderWithProviders(<FamilyHomePage />);
    expect((await screen.findByRole('alert')).textContent).toContain('예상하지 못한 오류가 발생했습니다.');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: '다시 시도' }));
    expect(await screen.findByRole('link', { name: '김영희 상세 보기' })).toBeTruthy();
    expect(searchCalls(calls)).toHaveLength(2);
  });

  it('loads the next page with the cursor and appends it', async () => {
    window.history.replaceState(null, '', '/?sido=서울특별시');
    const calls = stubApi({
      'GET /api/v1/caregivers': (call) =>
        call.query.get('cursor') === 'next-1'
          ? { body: { items: [caregiverCard({ id: 'cg-2', displayName: '이철수' })], nextCursor: null } }
          : { body: { items: [caregiverCard()], nextCursor: 'next-1' } },
    });
    renderWithProviders(<FamilyHomePage />);
    await screen.findByRole('link', { name: '김영희 상세 보기' });
    await userEvent.click(screen.getByRole('button', { name: '더 보기' }));
    expect(await screen.findByRole('link', { name: '이철수 상세 보기' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '김영희 상세 보기' })).toBeTruthy();
    expect(searchCalls(calls)[1]?.query.get('sido')).toBe('서울특별시');
    expect(screen.queryByRole('button', { name: '더 보기' })).toBeNull();
  });

  it('shows popular caregivers without filters, in English', async () => {
    stubApi({
      'GET /api/v1/caregivers/top': { body: { items: [{ ...caregiverCard({ id: 'cg-9', displayName: 'Top Kim' }), score: 4.7 }], nextCursor: null } },
      'GET /api/v1/caregivers': { body: { items: [caregiverCard()], nextCursor: null } },
    });
    renderWithProviders(<FamilyHomePage />, { locale: 'en' });
    expect(await screen.findByRole('heading', { name: 'Popular caregivers' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Top Kim' })).toBeTruthy();
    const card = (await screen.findByRole('link', { name: 'View 김영희' })).closest('li') as HTMLElement;
    expect(within(card).getByText('★ 4.8 (25 reviews)')).toBeTruthy();
    expect(within(card).getByText(/Verified/)).toBeTruthy();
    // Age band (never the exact age), gender and languages (issue 13); the fixture has no nationality.
    expect(within(card).getByText(/· Speaks Korean, English$/)).toBeTruthy();
    expect(within(card).getByText(/^In their \d0s · Female/)).toBeTruthy();
    expect(within(card).queryByText(/1970/)).toBeNull();
  });
});
