import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, signIn, stubApi } from '../test/render.tsx';
import { CaregiverProfilePage } from './profile-page.tsx';
import { FakeXhr } from '../test/fake-xhr.ts';
import { caregiverProfile, regions } from '../test/fixtures.ts';

beforeEach(() => {
  signIn();
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

const pdf = () => new File(['%PDF-1.4'], 'cert.pdf', { type: 'application/pdf' });

async function openPage(locale: 'ko' | 'en' = 'ko') {
  let documents: ReturnType<typeof caregiverProfile>['documents'] = [];
  const calls = stubApi({
    'GET /api/v1/caregivers/me': () => ({ body: caregiverProfile({ documents }) }),
    'GET /api/v1/caregivers/regions': { body: regions },
  });
  renderWithProviders(<CaregiverProfilePage />, { locale });
  await screen.findByRole('button', { name: locale === 'ko' ? '서류 올리기' : 'Upload document' });
  const addDocument = () => {
    documents = [{ id: 'doc-1', kind: 'CERTIFICATE', contentType: 'application/pdf', size: 2048, createdAt: '2026-11-25T01:00:00.000Z' }];
  };
  return { calls, addDocument };
}

describe('document upload', () => {
  it('sends kind then file as multipart, shows the progress and lists the new document', async () => {
    const { addDocument } = await openPage();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('서류 종류'), 'CERTIFICATE');
    await user.upload(screen.getByLabelText('파일'), pdf());
    await user.click(screen.getByRole('button', { name: '서류 올리기' }));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    const xhr = FakeXhr.sent[0]!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/caregivers/me/documents');
    expect(xhr.headers.authorization).toBe('Bearer test-access-token');
    expect([...xhr.body!.keys()]).toEqual(['kind', 'file']);
    expect(xhr.body!.get('kind')).toBe('CERTIFICATE');
    xhr.progress(512, 1024);
    const bar = screen.getByRole('progressbar', { name: '업로드 진행률' });
    expect(bar.getAttribute('value')).toBe('50');
    expect(screen.getByText('50%')).toBeTruthy();
    expect(screen.getByRole('button', { name: '올리는 중…' })).toHaveProperty('disabled', true);
    addDocument();
    await xhr.respond(201, { id: 'doc-1', kind: 'CERTIFICATE', contentType: 'application/pdf', size: 2048 });
    expect(await screen.findByText('올렸습니다.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(await screen.findByText(/application\/pdf · 2KB/)).toBeTruthy();
  });

  it('shows a 415 answer as a readable message', async () => {
    await openPage();
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('파일'), pdf());
    await user.click(screen.getByRole('button', { name: '서류 올리기' }));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    await FakeXhr.sent[0]!.respond(415, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Only PDF...' });
    expect((await screen.findByRole('alert')).textContent).toContain('PDF, JPEG, PNG, WebP 파일만 올릴 수 있습니다.');
  });

  it('refuses files over 10 MB before sending (English)', async () => {
    await openPage('en');
    const big = pdf();
    Object.defineProperty(big, 'size', { value: 12 * 1024 * 1024 });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('File'), big);
    await user.click(screen.getByRole('button', { name: 'Upload document' }));
    expect(screen.getByText('The file is too large (12.0 MB). Upload 10 MB at most.')).toBeTruthy();
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('accepts only images as the profile photo and previews the chosen one', async () => {
    await openPage();
    const createObjectURL = vi.fn(() => 'blob:preview');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(screen.getByLabelText('사진 파일'), pdf());
    await user.click(screen.getByRole('button', { name: '사진 올리기' }));
    expect(screen.getByText('사진은 JPEG, PNG, WebP만 올릴 수 있습니다.')).toBeTruthy();
    expect(FakeXhr.sent).toHaveLength(0);
    await user.upload(screen.getByLabelText('사진 파일'), new File(['png'], 'me.png', { type: 'image/png' }));
    expect(screen.getByRole('img', { name: '사진 미리보기' }).getAttribute('src')).toBe('blob:preview');
    await user.click(screen.getByRole('button', { name: '사진 올리기' }));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    expect(FakeXhr.sent[0]!.body!.get('kind')).toBe('PHOTO');
  });
});
