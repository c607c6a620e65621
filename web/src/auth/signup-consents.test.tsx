import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../test/render.tsx';
import { SignupPage } from './signup-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

async function fillAccount(role: RegExp) {
  await userEvent.click(screen.getByRole('radio', { name: role }));
  await userEvent.type(screen.getByLabelText(/^이름/), '박영희');
  await userEvent.type(screen.getByLabelText(/^이메일/), 'p@example.com');
  await userEvent.type(screen.getByLabelText(/^비밀번호/), 'long enough password');
}

describe('sign-up consents', () => {
  it('will not send the form without the required consents and focuses the first one', async () => {
    const calls = stubApi({});
    renderWithProviders(<SignupPage />);
    await fillAccount(/^보호자/);
    expect(screen.queryByRole('checkbox', { name: /민감정보/ })).toBeNull();
    await userEvent.click(screen.getByRole('checkbox', { name: '이용약관 동의 (필수)' }));
    await userEvent.click(screen.getByRole('button', { name: '가입하기' }));
    expect(await screen.findByText('필수 항목에 동의해 주세요.')).toBeTruthy();
    expect(document.activeElement?.id).toBe('consent-privacy');
    expect(calls).toHaveLength(0);
  });

  it('"모두 동의" checks every item; the body records the caregiver\'s choices', async () => {
    const calls = stubApi({
      'POST /api/v1/auth/signup': { status: 201, body: { id: 'u1', email: 'p@example.com', name: '박영희', role: 'CAREGIVER', preferredLanguage: 'ko' } },
      'POST /api/v1/auth/login': { body: { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900 } },
      'GET /api/v1/users/me': { body: { id: 'u1', email: 'p@example.com', name: '박영희', phone: null, role: 'CAREGIVER', preferredLanguage: 'ko' } },
    });
    renderWithProviders(<SignupPage />);
    await fillAccount(/^간병인/);
    const all = screen.getByRole('checkbox', { name: '모두 동의' });
    await userEvent.click(all);
    for (const name of ['이용약관 동의 (필수)', '개인정보 수집·이용 동의 (필수)', '민감정보(자격증·건강 정보) 처리 동의 (필수)', '마케팅 정보 수신 동의 (선택)']) {
      expect(screen.getByRole('checkbox', { name })).toHaveProperty('checked', true);
    }
    await userEvent.click(screen.getByRole('checkbox', { name: '마케팅 정보 수신 동의 (선택)' }));
    expect(all).toHaveProperty('checked', false);
    await waitFor(() => expect(all).toHaveProperty('indeterminate', true));
    expect(screen.getByRole('link', { name: '이용약관 동의 (필수) 전문 보기 (새 창)' }).getAttribute('href')).toBe('/terms');
    await userEvent.click(screen.getByRole('button', { name: '가입하기' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/auth/signup')).toBe(true));
    expect(calls.find((c) => c.path === '/api/v1/auth/signup')?.body).toMatchObject({
      role: 'CAREGIVER',
      consents: { terms: true, privacy: true, sensitive: true, marketing: false },
    });
  });
});
