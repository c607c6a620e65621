import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, describeInBrowser, openRun, stepsOfOneRun, type Actor, type BrowserRun, type Device } from './support/browser.ts';
import { messagesFor, type Locale, type Messages } from './support/messages.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { button, field, link, onPage, switchLanguage, waitForText } from './support/ui.ts';
import { e2eApi, PASSWORD } from './support/api.ts';

// What users of Korean care apps expect (issue 13, "Also expected"): the guided request from the family home
// (condition -> place -> dates -> results, one question per screen, progress, back), age band / nationality /
// languages on caregiver cards and the profile page, the 고객센터 page with the legal texts linked from the
// footer, and the separate sign-up consents with "모두 동의". The caregiver is made through the API.

const RUNS: readonly (readonly [Locale, Device])[] = [
  ['ko', 'phone'],
  ['en', 'phone'],
  ['ko', 'desktop'],
];

/** Tomorrow at `hour`:00 in Seoul, as a datetime-local value. */
function seoulTomorrowAt(hour: number): string {
  const day = new Date(Date.now() + 9 * 3_600_000 + 24 * 3_600_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

describeInBrowser('care app basics in Chromium', { timeout: 60_000 }, () => {
  let server: E2EServer;
  let ko: Messages;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const caregiverName = `응우옌 티 ${Math.floor(1000 + Math.random() * 9000)}`;
  const decade = Math.floor((Number(new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 4)) - 1971) / 10) * 10;

  const { call: callApi, signUp } = e2eApi(() => server.baseUrl);

  beforeAll(async () => {
    ko = await messagesFor('ko');
    server = await startE2EServer();
    const token = await signUp('CAREGIVER', caregiverName, `basics-caregiver-${tag}@example.com`, { preferredLanguage: 'vi' });
    const profile = await callApi<{ id: string }>('/caregivers', {
      token,
      body: {
        displayName: caregiverName,
        gender: 'FEMALE',
        birthYear: 1971,
        careerYears: 12,
        introduction: '베트남에서 온 요양보호사입니다. 치매 어르신 병원 간병 12년.',
        certificates: [{ type: 'CARE_WORKER', number: '2014-000777' }],
        regions: [{ sido: '서울', sigungu: '강남' }],
        serviceTypes: ['HOSPITAL', 'DEMENTIA'],
        languages: ['vi', 'ko'],
        nationality: 'VN',
        hourlyRate: 15000,
        dailyRate: 140000,
      },
    });
    const admin = await signUp('ADMIN', '관리자', `basics-admin-${tag}@example.com`, { adminSecret: server.adminSecret });
    await callApi(`/admin/caregivers/${profile.id}/approve`, { method: 'POST', token: admin });
  }, 180_000);

  afterAll(async () => {
    await closeBrowser();
    await server?.close();
  });

  for (const [locale, device] of RUNS) {
    describe(`${locale} on a ${device}`, () => {
      let run: BrowserRun | undefined;
      let family: Actor;
      let m: Messages;
      const name = `care-basics-${locale}-${device}`;

      beforeAll(async () => {
        m = await messagesFor(locale);
        run = await openRun(name, device, server.baseUrl);
        family = await run.actor('visitor');
      }, 60_000);
      afterAll(async () => {
        await run?.close();
      });
      stepsOfOneRun(
        () => run,
        () => [family],
      );

      const progress = (page: Page, step: number) => waitForText(page.locator('.request-progress'), m.family('request.progress', step, 3));
      const checked = (page: Page, label: string) => page.getByRole('radio', { name: label, exact: true }).isChecked();

      it('the family home leads into the guided request; each step asks one question and checks it', async () => {
        const { page } = family;
        await page.goto('/');
        await onPage(page, ko.family('search.title'));
        if (locale !== 'ko') await switchLanguage(page, ko, locale);
        await waitForText(page.locator('main'), m.family('request.callout'));
        await family.shot('home-callout');
        await link(page.getByRole('main'), m.family('request.start')).click();
        await onPage(page, m.family('request.title'));
        await progress(page, 1);
        // Going on without an answer says what is missing and puts the focus on the question.
        await button(page, m.family('request.next')).click();
        await waitForText(page.locator('form'), m.family('request.errors.condition'));
        const focused = await page.evaluate<string | undefined>('document.activeElement?.name');
        if (focused !== 'condition') throw new Error(`focus on ${focused}, not the first choice`);
        await family.shot('request-step1-error');
        await page.getByRole('radio', { name: m.family('request.condition.dementia'), exact: true }).check();
        await family.shot('request-step1');
        await button(page, m.family('request.next')).click();
        await progress(page, 2);
      });

      it('asks for the place and region; the back button keeps the answers', async () => {
        const { page } = family;
        await page.getByRole('radio', { name: m.family('request.place.HOSPITAL'), exact: true }).check();
        await page.getByRole('combobox').first().waitFor();
        await page.locator('select[name="sido"]:not([disabled])').waitFor();
        await page.locator('select[name="sido"]').selectOption('서울특별시');
        await page.locator('select[name="sigungu"]:not([disabled])').waitFor();
        await page.locator('select[name="sigungu"]').selectOption('강남구');
        await family.shot('request-step2');
        await button(page, m.family('request.next')).click();
        await progress(page, 3);
        // The browser's back button returns to the place question with its answers.
        await page.goBack();
        await progress(page, 2);
        if (!(await checked(page, m.family('request.place.HOSPITAL')))) throw new Error('back lost the place');
        if ((await page.locator('select[name="sigungu"]').inputValue()) !== '강남구') throw new Error('back lost the district');
        // And the 이전 button goes back one more question, the condition still chosen.
        await button(page, m.family('request.back')).click();
        await progress(page, 1);
        if (!(await checked(page, m.family('request.condition.dementia')))) throw new Error('back lost the condition');
        await button(page, m.family('request.next')).click();
        await progress(page, 2);
        await button(page, m.family('request.next')).click();
        await progress(page, 3);
      });

      it('asks for the dates and ends on the search results with the filters applied, cards showing age band and nationality', async () => {
        const { page } = family;
        const from = field(page, m.family('request.dates.from'));
        const to = field(page, m.family('request.dates.to'));
        // An end before the start is a field error.
        await from.fill(seoulTomorrowAt(10));
        await to.fill(seoulTomorrowAt(9));
        await button(page, m.family('request.finish')).click();
        await waitForText(page.locator('form'), m.family('request.errors.to'));
        await family.shot('request-step3-error');
        await to.fill(seoulTomorrowAt(18));
        await button(page, m.family('request.finish')).click();
        await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('sigungu') === '강남구' && url.searchParams.getAll('serviceType').join() === 'HOSPITAL,DEMENTIA');
        const card = page.locator('.family-card').filter({ hasText: caregiverName });
        await card.waitFor();
        await waitForText(card, m.family('card.ageBand', decade));
        await waitForText(card, m.family('card.nationality', locale === 'ko' ? '베트남' : 'Vietnam'));
        await waitForText(card, m.common('language.vi'));
        const text = await card.innerText();
        if (text.includes('1971') || /\b5\d\s*(세|years old)/.test(text)) throw new Error(`the card shows the exact age: ${text}`);
        await family.shot('request-results');
        await link(card, m.family('card.view', caregiverName)).click();
        await waitForText(page.locator('main'), m.family('card.ageBand', decade));
        await waitForText(page.locator('main'), m.family('card.nationality', locale === 'ko' ? '베트남' : 'Vietnam'));
        await family.shot('caregiver-profile');
      });

      it('the footer leads to 고객센터 (phone, hours, email, FAQ) and the legal texts', async () => {
        const { page } = family;
        const footer = page.getByRole('navigation', { name: m.common('footer.label'), exact: true });
        await link(footer, m.common('footer.help')).click();
        await onPage(page, m.common('help.title'));
        await waitForText(page.locator('main'), m.common('help.phone'));
        await waitForText(page.locator('main'), m.common('help.hours'));
        await link(page.getByRole('main'), m.common('help.email')).waitFor();
        const question = page.locator('details.info-faq summary').first();
        await question.click();
        await family.shot('help');
        await link(page.getByRole('main'), m.common('help.terms')).click();
        await onPage(page, m.common('terms.title'));
        await family.shot('terms');
        await link(footer, m.common('footer.privacy')).click();
        await onPage(page, m.common('privacy.title'));
        await family.shot('privacy');
      });

      it('sign-up asks the consents separately, required ones enforced, 모두 동의 included', async () => {
        const { page } = family;
        await page.goto('/signup');
        await onPage(page, m.auth('signup.title'));
        await page.getByRole('radio', { name: m.auth('signup.roleCaregiver'), exact: true }).check();
        await field(page, m.auth('signup.name')).fill(`박영희 ${locale}${device}`);
        await field(page, m.auth('signup.email')).fill(`basics-${locale}-${device}-${tag}@example.com`);
        await field(page, m.auth('signup.password')).fill(PASSWORD);
        const box = (key: string) => page.getByRole('checkbox', { name: m.auth(key), exact: true });
        // Caregivers are also asked about sensitive data; every text is a link away.
        await box('sensitive').waitFor();
        await page.getByRole('link', { name: m.auth('viewLabel', m.auth('terms')), exact: true }).waitFor();
        await button(page, m.auth('signup.submit')).click();
        await waitForText(page.locator('.consents'), m.auth('required'));
        const focused = await page.evaluate<string | undefined>('document.activeElement?.id');
        if (focused !== 'consent-terms') throw new Error(`focus on ${focused}, not the terms consent`);
        await family.shot('signup-consent-error');
        await box('all').check();
        for (const key of ['terms', 'privacy', 'sensitive', 'marketing']) if (!(await box(key).isChecked())) throw new Error(`모두 동의 left ${key} unchecked`);
        // Marketing is optional: unchecking it unchecks 모두 동의 and still lets the sign-up through.
        await box('marketing').uncheck();
        if (await box('all').isChecked()) throw new Error('모두 동의 stayed checked');
        await family.shot('signup-consents');
        await button(page, m.auth('signup.submit')).click();
        await page.waitForURL((url) => url.pathname.startsWith('/caregiver'));
        await button(page, m.common('nav.logout')).click().catch(() => undefined);
      });
    });
  }
});
