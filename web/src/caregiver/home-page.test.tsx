import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, signIn, stubApi } from '../test/render.tsx';
import { changesCaregiverData } from './data.ts';
import { CaregiverHomePage } from './home-page.tsx';
import { page, caregiverProfile, reservation } from '../test/fixtures.ts';

beforeEach(() => signIn());
afterEach(() => vi.unstubAllGlobals());

function stubHome(me: { status?: number; body: unknown }, byStatus: Record<string, unknown[]> = {}) {
  return stubApi({
    'GET /api/v1/caregivers/me': me,
    'GET /api/v1/reservations': (call) => ({ body: page(call.query.getAll('status').flatMap((s) => byStatus[s] ?? [])) }),
  });
}

describe('CaregiverHomePage', () => {
  it('invites a caregiver without a profile to start onboarding', async () => {
    const calls = stubHome({ status: 404, body: { status: 404, code: 'PROFILE_NOT_FOUND' } });
    renderWithProviders(<CaregiverHomePage />);
    const start = await screen.findByRole('link', { name: '프로필 만들기 시작' });
    expect(start.getAttribute('href')).toBe('/caregiver/profile');
    expect(calls.some((c) => c.path === '/api/v1/reservations')).toBe(false);
  });

  it('explains the review while PENDING', async () => {
    stubHome({ body: caregiverProfile({ status: 'PENDING', documents: [] }) });
    renderWithProviders(<CaregiverHomePage />);
    expect(await screen.findByText('심사 중')).toBeTruthy();
    expect(screen.getByText(/관리자가 프로필과 서류를 확인하고 있습니다/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '서류 올리기' })).toBeTruthy();
  });

  it('shows the rejection reason and how to resubmit (English)', async () => {
    stubHome({ body: caregiverProfile({ status: 'REJECTED', rejectionReason: 'The certificate number does not match the document.' }) });
    renderWithProviders(<CaregiverHomePage />, { locale: 'en' });
    expect(await screen.findByText('Rejected')).toBeTruthy();
    expect(screen.getByText('The certificate number does not match the document.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Fix and resubmit my profile' }).getAttribute('href')).toBe('/caregiver/profile');
  });

  it('tells a suspended caregiver what it means', async () => {
    stubHome({ body: caregiverProfile({ status: 'SUSPENDED' }) });
    renderWithProviders(<CaregiverHomePage />);
    expect(await screen.findByText('정지됨')).toBeTruthy();
    expect(screen.getByText(/고객센터에 문의해 주세요/)).toBeTruthy();
  });

  it('counts the pending requests and shows the next booking when APPROVED', async () => {
    const later = reservation({ id: 'later', status: 'CONFIRMED', startAt: '2099-12-05T00:00:00.000Z', endAt: '2099-12-05T03:00:00.000Z', patient: { name: '나중환자', conditions: [] } });
    const sooner = reservation({ id: 'sooner', status: 'ACCEPTED', startAt: '2099-12-02T00:00:00.000Z', endAt: '2099-12-02T03:00:00.000Z', patient: { name: '먼저환자', conditions: [] } });
    stubHome({ body: caregiverProfile({ status: 'APPROVED' }) }, { REQUESTED: [reservation({ id: 'a' }), reservation({ id: 'b' })], ACCEPTED: [sooner], CONFIRMED: [later] });
    renderWithProviders(<CaregiverHomePage />);
    expect(await screen.findByText('답변을 기다리는 요청 2건')).toBeTruthy();
    expect(screen.getByText('승인됨')).toBeTruthy();
    expect(screen.getByText(/먼저환자/)).toBeTruthy();
    expect(screen.queryByText(/나중환자/)).toBeNull();
    expect(screen.getByRole('link', { name: '자세히 보기' }).getAttribute('href')).toBe('/caregiver/reservations/sooner');
  });
});

describe('changesCaregiverData', () => {
  const notification = (type: string) => ({ type: 'notification' as const, notification: { id: 'n', type, title: '', body: '', data: {}, readAt: null, createdAt: '' } });
  it('reloads on review results, new requests and reservation changes only', () => {
    expect(changesCaregiverData(notification('CAREGIVER_APPROVED'))).toBe(true);
    expect(changesCaregiverData(notification('CAREGIVER_REJECTED'))).toBe(true);
    expect(changesCaregiverData(notification('RESERVATION_REQUESTED'))).toBe(true);
    expect(changesCaregiverData({ type: 'reservation.updated', reservation: { id: 'r', status: 'CANCELLED' } })).toBe(true);
    expect(changesCaregiverData(notification('REVIEW_RECEIVED'))).toBe(false);
    expect(changesCaregiverData({ type: 'pong' })).toBe(false);
  });
});
