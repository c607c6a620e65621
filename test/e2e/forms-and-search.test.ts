import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeBrowser, describeInBrowser, openRun, stepsOfOneRun, type Actor, type BrowserRun, type Device } from './support/browser.ts';
import { seoulInputIn } from './support/journey-data.ts';
import { messagesFor, type Locale, type Messages } from './support/messages.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { button, field, onPage, waitForText } from './support/ui.ts';
import { e2eApi, PASSWORD } from './support/api.ts';

// Issue 13 items 1-3: validation messages in the reader's language (client checks first, the server's
// errors mapped from keyword/params or known rules), an error summary with focus on the first invalid field
// (login, signup, booking), and search on a phone: filters in a drawer with an applied-filters summary,
// results scrolled to and announced, the query in the URL (back/forward), an end before the start as a field
// error. Runs: Korean on a phone, English on a desktop. Accounts and the approved profile through the API.

/** The region picker's labels (ui/regions.tsx keeps them inline). */
const REGION_LABELS = { ko: { sido: '시·도', sigungu: '시·군·구' }, en: { sido: 'Province / city', sigungu: 'District' } } as const;
// This suite's own message bundles, loaded at run time like support/messages.ts does (the web's JSX settings
// are not the server's): `v.x` / `s.x` are strings, functions take the same arguments as in the app.
interface ValidationTexts {
  readonly summaryTitle: string;
  readonly required: string;
  readonly email: string;
  yearRange(min: number, max: number): string;
  leadHours(hours: number): string;
}
interface SearchTexts {
  readonly noneApplied: string;
  readonly openFilters: string;
  readonly all: string;
  readonly endBeforeStart: string;
  count(scope: string, n: number, more: boolean): string;
}
async function bundleOf<T>(file: string, name: string, locale: Locale): Promise<T> {
  const module = (await import(/* @vite-ignore */ pathToFileURL(resolve(import.meta.dirname, '..', '..', 'web', 'src', file)).href)) as Record<string, Record<Locale, T> | undefined>;
  const bundle = module[name]?.[locale];
  if (!bundle) throw new Error(`${file} has no bundle ${name}`);
  return bundle;
}

const RUNS: readonly { locale: Locale; device: Device }[] = [
  { locale: 'ko', device: 'phone' },
  { locale: 'en', device: 'desktop' },
];

for (const { locale, device } of RUNS) {
  describeInBrowser(`forms and search in Chromium (${locale}, ${device})`, { timeout: 60_000 }, () => {
    let server: E2EServer | undefined;
    let run: BrowserRun | undefined;
    let family: Actor;
    let m: Messages;
    let v: ValidationTexts;
    let s: SearchTexts;
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const n = Math.floor(1000 + Math.random() * 9000);
    const email = `forms-family-${tag}@example.com`;
    const caregiverName = `김정숙 ${n}`;
    let caregiverId = '';

    const { call: callApi, signUp } = e2eApi(() => server!.baseUrl);

    beforeAll(async () => {
      m = await messagesFor(locale);
      v = await bundleOf<ValidationTexts>('ui/validation-messages.ts', 'validationMessages', locale);
      s = await bundleOf<SearchTexts>('family/search-messages.ts', 'searchMessages', locale);
      server = await startE2EServer();
      await signUp('GUARDIAN', `박영희 ${n}`, email);
      const caregiverToken = await signUp('CAREGIVER', caregiverName, `forms-caregiver-${tag}@example.com`);
      const profile = await callApi<{ id: string }>('/caregivers', {
        token: caregiverToken,
        body: {
          displayName: caregiverName,
          gender: 'FEMALE',
          birthYear: 1962,
          careerYears: 12,
          introduction: '병원 간병 12년, 치매 어르신 돌봄 경험이 많습니다.',
          certificates: [{ type: 'CARE_WORKER', number: '2012-000222' }],
          regions: [{ sido: '서울', sigungu: '강남' }],
          serviceTypes: ['HOSPITAL', 'DEMENTIA'],
          languages: ['ko'],
          hourlyRate: 16000,
          dailyRate: 150000,
        },
      });
      caregiverId = profile.id;
      const adminToken = await signUp('ADMIN', `관리자 ${n}`, `forms-admin-${tag}@example.com`, { adminSecret: server.adminSecret });
      await callApi(`/admin/caregivers/${caregiverId}/approve`, { method: 'POST', token: adminToken });
      run = await openRun(`forms-${locale}-${device}`, device, server.baseUrl);
      family = await run.actor('family');
      // The app opens in Korean; an English run chooses English in this browser first (the language switch is the smoke suite's).
      if (locale === 'en') await family.context.addInitScript(() => localStorage.setItem('carenest.locale', 'en'));
    }, 180_000);

    afterAll(async () => {
      await run?.close();
      await closeBrowser();
      await server?.close();
    });

    stepsOfOneRun(
      () => run,
      () => [family],
    );

    const focusedName = (page: Page) => page.evaluate<string>('document.activeElement?.getAttribute("name") ?? document.activeElement?.id ?? ""');
    const summary = (page: Page) => page.getByRole('alert').filter({ has: page.getByRole('heading', { name: v.summaryTitle, exact: true }) });
    const fieldError = async (page: Page, label: string) => {
      const control = field(page, label);
      const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
      return ids.length ? page.locator(`[id="${ids[0]}"]`).innerText() : '';
    };

    it('an empty login shows a summary, localized field errors and focuses the e-mail', async () => {
      const { page } = family;
      await page.goto('/login');
      await onPage(page, m.auth('login.title'));
      await button(page, m.auth('login.submit')).click();
      await summary(page).waitFor();
      await family.shot('login-empty');
      expect(await fieldError(page, m.auth('login.email'))).toBe(v.required);
      expect(await fieldError(page, m.auth('login.password'))).toBe(v.required);
      expect(await focusedName(page)).toBe('email');
    });

    it('sign-up checks the e-mail and password before sending, in the reader’s language', async () => {
      const { page } = family;
      await page.goto('/signup');
      await onPage(page, m.auth('signup.title'));
      await field(page, m.auth('signup.name')).fill('최민수');
      await field(page, m.auth('signup.email')).fill('minsu@example');
      await field(page, m.auth('signup.password')).fill('short');
      await button(page, m.auth('signup.submit')).click();
      await summary(page).waitFor();
      await family.shot('signup-invalid');
      expect(await fieldError(page, m.auth('signup.email'))).toBe(v.email);
      expect(await fieldError(page, m.auth('signup.password'))).toBe(m.auth('signup.passwordTooShort'));
      expect(await focusedName(page)).toBe('email');
    });

    it('the booking form summarises what is missing, focuses it, checks the birth year and localizes the quote', async () => {
      const { page } = family;
      await page.goto(`/login?next=${encodeURIComponent(`/book/${caregiverId}`)}`);
      await onPage(page, m.auth('login.title'));
      await field(page, m.auth('login.email')).fill(email);
      await field(page, m.auth('login.password')).fill(PASSWORD);
      await button(page, m.auth('login.submit')).click();
      await onPage(page, m.family('booking.title', caregiverName));
      await field(page, m.family('booking.birthYear')).fill('1850');
      await button(page, m.family('booking.submit')).click();
      await summary(page).waitFor();
      expect(await focusedName(page)).toBe('location.sido');
      expect(await fieldError(page, m.family('booking.birthYear'))).toBe(v.yearRange(1900, new Date().getFullYear()));
      await family.shot('booking-summary');
      // A start in the past: the server's rule, said in the reader's language in the quote box.
      await field(page, m.family('booking.startAt')).fill(seoulInputIn(-24 * 60));
      await waitForText(page.getByRole('region', { name: m.family('booking.quote'), exact: true }), v.leadHours(1));
      await family.shot('booking-quote-past');
    });

    it('search: filters in a drawer on a phone, results announced and scrolled to, the query in the URL', async () => {
      const { page } = family;
      await page.goto('/');
      await onPage(page, m.family('search.title'));
      const submit = button(page, m.family('search.submit'));
      if (device === 'phone') {
        expect(await submit.isVisible()).toBe(false);
        await page.getByText(s.noneApplied, { exact: true }).waitFor();
        await button(page, s.openFilters).click();
      }
      await field(page, REGION_LABELS[locale].sido).selectOption('서울특별시');
      await field(page, REGION_LABELS[locale].sigungu).selectOption('강남구');
      await page.getByRole('checkbox', { name: m.common('serviceType.HOSPITAL'), exact: true }).check();
      await submit.click();
      await page.waitForURL((url) => url.searchParams.get('sigungu') === '강남구' && url.searchParams.get('serviceType') === 'HOSPITAL');
      const status = page.locator('.family-results-count');
      await waitForText(status, s.count(`강남구 ${m.common('serviceType.HOSPITAL')}`, 1, false));
      expect(await status.getAttribute('role')).toBe('status');
      const heading = page.getByRole('heading', { level: 2, name: m.family('search.results'), exact: true });
      await page.waitForFunction('document.activeElement?.id === "family-results-title"');
      const box = await heading.boundingBox();
      expect(box && box.y >= 0 && box.y < (page.viewportSize()?.height ?? 0)).toBe(true);
      if (device === 'phone') {
        expect(await submit.isVisible()).toBe(false);
        await waitForText(page.locator('.family-filter-summary'), '강남구');
      }
      await family.shot('search-results');
      // Back and forward move through searches.
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('sigungu'));
      await waitForText(status, s.all);
      await page.goForward();
      await page.waitForURL((url) => url.searchParams.get('sigungu') === '강남구');
      await waitForText(status, '강남구');
      // An end before the start is a field error, and nothing is searched.
      if (device === 'phone') await button(page, s.openFilters).click();
      await field(page, m.family('search.availableFrom')).fill(seoulInputIn(26 * 60));
      await field(page, m.family('search.availableTo')).fill(seoulInputIn(25 * 60));
      await submit.click();
      await page.getByText(s.endBeforeStart, { exact: true }).waitFor();
      expect(await fieldError(page, m.family('search.availableTo'))).toBe(s.endBeforeStart);
      expect(await focusedName(page)).toBe('availableTo');
      expect(new URL(page.url()).searchParams.has('availableFrom')).toBe(false);
      await family.shot('search-end-before-start');
    });
  });
}
