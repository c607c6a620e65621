import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, signIn, stubApi } from '../test/render.tsx';
import { CaregiverProfilePage } from './profile-page.tsx';
import { caregiverProfile, regions } from '../test/fixtures.ts';

const noProfile = { status: 404, body: { status: 404, code: 'PROFILE_NOT_FOUND', title: 'Not Found' } };

beforeEach(() => signIn());
afterEach(() => vi.unstubAllGlobals());

async function fillValidForm() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/표시 이름/), '김간병');
  await user.selectOptions(screen.getByLabelText(/성별/), 'FEMALE');
  await user.type(screen.getByLabelText(/출생 연도/), '1970');
  await user.type(screen.getByLabelText(/경력/), '8');
  await user.selectOptions(screen.getByLabelText(/자격 종류/), 'NURSE_AIDE');
  await user.type(screen.getByLabelText(/자격증 번호/), ' 2020-123456 ');
  await waitFor(() => expect(screen.getByLabelText(/시·도/)).toHaveProperty('disabled', false));
  await user.selectOptions(screen.getByLabelText(/시·도/), '서울특별시');
  await user.click(screen.getByLabelText('병원 간병'));
  await user.click(screen.getByLabelText('치매 돌봄'));
  await user.type(screen.getByLabelText(/시간당 요금/), '15000');
  await user.type(screen.getByLabelText(/일당/), '150000');
  return user;
}

describe('CaregiverProfilePage onboarding', () => {
  it('checks the form before sending and names each problem next to its field', async () => {
    const calls = stubApi({ 'GET /api/v1/caregivers/me': noProfile, 'GET /api/v1/caregivers/regions': { body: regions } });
    renderWithProviders(<CaregiverProfilePage />);
    await userEvent.click(await screen.findByRole('button', { name: '프로필 제출' }));
    expect(screen.getByText('표시된 항목을 확인해 주세요.')).toBeTruthy();
    expect(screen.getByLabelText(/표시 이름/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('성별을 선택해 주세요.')).toBeTruthy();
    expect(screen.getByText('자격증 번호를 입력해 주세요 (50자까지).')).toBeTruthy();
    expect(screen.getByText('시·도를 선택해 주세요.')).toBeTruthy();
    expect(screen.getByText('제공 서비스를 하나 이상 선택해 주세요.')).toBeTruthy();
    expect(screen.getByText(/시간당 요금은 10,000~200,000원/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('asks for at least one certificate when the last one is removed', async () => {
    stubApi({ 'GET /api/v1/caregivers/me': noProfile, 'GET /api/v1/caregivers/regions': { body: regions } });
    renderWithProviders(<CaregiverProfilePage />);
    await userEvent.click(await screen.findByRole('button', { name: '자격증 1 삭제' }));
    await userEvent.click(screen.getByRole('button', { name: '프로필 제출' }));
    expect(screen.getByText('자격증을 하나 이상 추가해 주세요.')).toBeTruthy();
  });

  it('creates the profile with POST /caregivers and the exact body', async () => {
    const calls = stubApi({
      'GET /api/v1/caregivers/me': noProfile,
      'GET /api/v1/caregivers/regions': { body: regions },
      'POST /api/v1/caregivers': { status: 201, body: caregiverProfile() },
    });
    renderWithProviders(<CaregiverProfilePage />);
    await screen.findByRole('button', { name: '프로필 제출' });
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: '프로필 제출' }));
    expect(await screen.findByText('프로필을 제출했습니다. 관리자 심사를 기다려 주세요.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      displayName: '김간병',
      gender: 'FEMALE',
      birthYear: 1970,
      careerYears: 8,
      introduction: '',
      certificates: [{ type: 'NURSE_AIDE', number: '2020-123456' }],
      regions: [{ sido: '서울특별시' }],
      serviceTypes: ['HOSPITAL', 'DEMENTIA'],
      languages: ['ko'],
      hourlyRate: 15000,
      dailyRate: 150000,
    });
  });

  it('shows the server’s field errors next to the fields', async () => {
    stubApi({
      'GET /api/v1/caregivers/me': noProfile,
      'GET /api/v1/caregivers/regions': { body: regions },
      'POST /api/v1/caregivers': {
        status: 400,
        body: { status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'certificates.0.number', message: 'already registered' }, { field: 'regions[0].sido', message: 'unknown sido "서울시청"' }] },
      },
    });
    renderWithProviders(<CaregiverProfilePage />);
    await screen.findByRole('button', { name: '프로필 제출' });
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: '프로필 제출' }));
    // In the reader's language (ui/validation-messages.ts): a rule the app does not know reads "check this value".
    expect(await screen.findByText('입력한 값을 확인해 주세요.')).toBeTruthy();
    expect(screen.getByLabelText(/자격증 번호/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('목록에서 골라 주세요.')).toBeTruthy();
    expect(screen.getByText('입력한 내용을 확인해 주세요.')).toBeTruthy();
  });

  it('says that documents need a profile first (English)', async () => {
    stubApi({ 'GET /api/v1/caregivers/me': noProfile, 'GET /api/v1/caregivers/regions': { body: regions } });
    renderWithProviders(<CaregiverProfilePage />, { locale: 'en' });
    expect(await screen.findByRole('heading', { name: 'Create your caregiver profile', level: 1 })).toBeTruthy();
    expect(screen.getAllByText('You can upload documents and a photo once your profile has been created.')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Upload document' })).toBeNull();
  });
});

describe('CaregiverProfilePage editing', () => {
  it('sends only the changed fields with PATCH /caregivers/me', async () => {
    const calls = stubApi({
      'GET /api/v1/caregivers/me': { body: caregiverProfile({ status: 'APPROVED' }) },
      'GET /api/v1/caregivers/regions': { body: regions },
      'PATCH /api/v1/caregivers/me': { body: caregiverProfile({ status: 'APPROVED', hourlyRate: 17000 }) },
    });
    renderWithProviders(<CaregiverProfilePage />);
    const rate = await screen.findByLabelText(/시간당 요금/);
    await userEvent.clear(rate);
    await userEvent.type(rate, '17000');
    await userEvent.click(screen.getByRole('button', { name: '변경 내용 저장' }));
    expect(await screen.findByText('저장했습니다.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ hourlyRate: 17000 });
  });

  it('warns before certificate changes send an approved profile back to review', async () => {
    const calls = stubApi({
      'GET /api/v1/caregivers/me': { body: caregiverProfile({ status: 'APPROVED' }) },
      'GET /api/v1/caregivers/regions': { body: regions },
      'PATCH /api/v1/caregivers/me': { body: caregiverProfile({ status: 'PENDING', certificates: [{ type: 'CARE_WORKER', number: '2020-999999' }] }) },
    });
    renderWithProviders(<CaregiverProfilePage />);
    const number = await screen.findByLabelText(/자격증 번호/);
    await userEvent.clear(number);
    await userEvent.type(number, '2020-999999');
    await userEvent.click(screen.getByRole('button', { name: '변경 내용 저장' }));
    const warning = screen.getByRole('alertdialog', { name: '자격증을 바꾸면 다시 심사를 받습니다' });
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    await userEvent.click(within(warning).getByRole('button', { name: '저장하고 다시 심사받기' }));
    await screen.findByText('저장했습니다.');
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ certificates: [{ type: 'CARE_WORKER', number: '2020-999999' }] });
  });

  it('says so when nothing changed, without calling the server', async () => {
    const calls = stubApi({ 'GET /api/v1/caregivers/me': { body: caregiverProfile() }, 'GET /api/v1/caregivers/regions': { body: regions } });
    renderWithProviders(<CaregiverProfilePage />);
    await userEvent.click(await screen.findByRole('button', { name: '변경 내용 저장' }));
    expect(await screen.findByText('바뀐 내용이 없습니다.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });
});
