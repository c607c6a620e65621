import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, describeInBrowser, openRun, stepsOfOneRun, type Actor, type BrowserRun, type Device } from './support/browser.ts';
import { certificateFile, peopleFor, seoulInputIn, signUpInUi, type JourneyPeople, type Person, type Role } from './support/journey-data.ts';
import { messagesFor, type Locale, type Messages } from './support/messages.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { button, field, link, menuLink, onPage, pageBadge, waitForText } from './support/ui.ts';

// The whole journey through the screens only, three people in three browser contexts: a caregiver
// signs up and uploads a certificate, an admin approves, a family searches, books, pays in the sandbox
// checkout, the caregiver accepts, checks in and out, the family reviews. Korean on a phone and on a
// desktop, English once. Screenshots of every step go to test-results/e2e/<run>/.
//
// Check-out opens at the start, so the server's clock moves on 75 minutes between check-in and check-out
// (access tokens live 6 h here, so the browsers' sessions survive the jump).

const RUNS: readonly { name: string; locale: Locale; device: Device }[] = [
  { name: 'journey-ko-phone', locale: 'ko', device: 'phone' },
  { name: 'journey-ko-desktop', locale: 'ko', device: 'desktop' },
  { name: 'journey-en-phone', locale: 'en', device: 'phone' },
];

const SIDO = '서울특별시';
const SIGUNGU = '강남구';

describeInBrowser('the whole journey in Chromium', () => {
  let server: E2EServer | undefined;
  let certificate: Awaited<ReturnType<typeof certificateFile>> | undefined;
  let ko: Messages;
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };

  beforeAll(async () => {
    ko = await messagesFor('ko');
    certificate = await certificateFile();
    server = await startE2EServer({ ACCESS_TOKEN_TTL: '6h' }, { clock });
  }, 180_000);

  afterAll(async () => {
    await closeBrowser();
    await server?.close();
    await certificate?.remove();
  });

  for (const spec of RUNS) {
    describe(`${spec.name} (${spec.locale}, ${spec.device})`, { timeout: 60_000 }, () => {
      let m: Messages;
      let run: BrowserRun | undefined;
      let caregiver: Actor;
      let admin: Actor;
      let family: Actor;
      let people: JourneyPeople;

      beforeAll(async () => {
        m = spec.locale === 'ko' ? ko : await messagesFor(spec.locale);
        people = peopleFor(spec.name, spec.locale);
        run = await openRun(spec.name, spec.device, server!.baseUrl);
        caregiver = await run.actor('caregiver');
        admin = await run.actor('admin');
        family = await run.actor('family');
      }, 60_000);

      afterAll(async () => {
        await run?.close();
      });

      stepsOfOneRun(
        () => run,
        () => [caregiver, admin, family],
      );

      const nav = (page: Page, key: string) => menuLink(page, m.common('nav.label'), m.common(key));
      const statusBadge = (page: Page, status: string) => pageBadge(page, m.common(`reservationStatus.${status}`));
      const signUp = (actor: Actor, person: Person, role: Role) => signUpInUi(actor, person, role, { ko, m, adminSecret: server!.adminSecret });
      const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first();

      it('caregiver signs up and creates a profile', async () => {
        const { page } = caregiver;
        await signUp(caregiver, people.caregiver, 'CAREGIVER');
        await onPage(page, m.caregiver('home.title'), 15_000);
        await caregiver.shot('home-without-profile');
        await link(page, m.caregiver('home.startOnboarding')).click();
        await onPage(page, m.caregiver('profile.createTitle'));

        await field(page, m.caregiver('profile.displayName')).fill(people.caregiver.name);
        await field(page, m.caregiver('profile.gender')).selectOption('FEMALE');
        await field(page, m.caregiver('profile.birthYear')).fill('1972');
        await field(page, m.caregiver('profile.careerYears')).fill('12');
        await field(page, m.caregiver('profile.introduction')).fill(
          spec.locale === 'ko' ? '대학병원 병동에서 12년 일했습니다. 치매 어르신 돌봄에 익숙합니다.' : 'Twelve years on hospital wards; experienced with dementia care.',
        );
        await field(page, m.caregiver('profile.certificateType')).selectOption('CARE_WORKER');
        await field(page, m.caregiver('profile.certificateNumber')).fill('2014-012345');
        await page.locator('select[name="regions.0.sido"]').selectOption(SIDO);
        await page.locator('select[name="regions.0.sigungu"]').selectOption(SIGUNGU);
        await page.getByRole('checkbox', { name: m.common('serviceType.HOSPITAL'), exact: true }).check();
        await page.getByRole('checkbox', { name: m.common('serviceType.DEMENTIA'), exact: true }).check();
        await field(page, m.caregiver('profile.hourlyRate')).fill('16000');
        await field(page, m.caregiver('profile.dailyRate')).fill('150000');
        await caregiver.shot('profile-filled');
        await button(page, m.caregiver('profile.create')).click();
        await status(page, m.caregiver('profile.created')).waitFor();
        await onPage(page, m.caregiver('profile.editTitle'));
        await pageBadge(page, m.common('caregiverStatus.PENDING')).waitFor();
        await caregiver.shot('profile-submitted');
      });

      it('caregiver uploads a certificate', async () => {
        const { page } = caregiver;
        const documents = page.getByRole('region', { name: m.caregiver('documents.title'), exact: true });
        await field(documents, m.caregiver('documents.kind')).selectOption('CERTIFICATE');
        await field(documents, m.caregiver('documents.file')).setInputFiles(certificate!.path);
        await button(documents, m.caregiver('documents.upload')).click();
        await status(page, m.caregiver('documents.uploaded')).waitFor();
        await waitForText(documents, 'image/png');
        await caregiver.shot('certificate-uploaded');
      });

      it('admin signs up and approves the caregiver', async () => {
        const { page } = admin;
        await signUp(admin, people.admin, 'ADMIN');
        await onPage(page, m.common('nav.adminHome'), 15_000);
        await admin.shot('overview');
        await nav(page, 'nav.adminCaregivers').click();
        await onPage(page, m.common('nav.adminCaregivers'));
        await button(page, m.admin('caregivers.review', people.caregiver.name)).click();
        await page.getByRole('heading', { name: m.admin('review.title', people.caregiver.name), exact: true }).waitFor();
        await button(page, m.admin('review.open', m.admin('review.documentKind.CERTIFICATE'))).click();
        await page.getByRole('img', { name: m.admin('review.documentAlt', m.admin('review.documentKind.CERTIFICATE'), people.caregiver.name) }).waitFor();
        await admin.shot('review-with-certificate');
        // The certificate opens in a large modal viewer (issue 13 item 10): close it before deciding.
        await button(page, m.admin('review.closeDocument')).click();
        await button(page, m.admin('review.approve')).click();
        await status(page, m.admin('caregivers.approved', people.caregiver.name)).waitFor();
        await admin.shot('approved');
        // The caregiver's own screen follows the decision without a reload.
        await nav(caregiver.page, 'nav.caregiverHome').click();
        await waitForText(caregiver.page.getByRole('main'), m.common('caregiverStatus.APPROVED'), 15_000);
        await caregiver.shot('approved');
      });

      it('family signs up, finds the caregiver by region and opens the profile', async () => {
        const { page } = family;
        await signUp(family, people.family, 'GUARDIAN');
        await onPage(page, m.family('search.title'), 15_000);
        // On a phone the filters sit in a drawer under the applied-filters bar (issue 13 item 3).
        const openFilters = page.locator('button[aria-controls="family-search-drawer"]');
        if (await openFilters.isVisible()) await openFilters.click();
        await page.locator('select[name="sido"]').selectOption(SIDO);
        await page.locator('select[name="sigungu"]').selectOption(SIGUNGU);
        await page.getByRole('checkbox', { name: m.common('serviceType.HOSPITAL'), exact: true }).check();
        await button(page.getByRole('form', { name: m.family('search.formLabel') }), m.family('search.submit')).click();
        const card = link(page, m.family('card.view', people.caregiver.name));
        await card.waitFor();
        await family.shot('search-results');
        await card.click();
        await onPage(page, people.caregiver.name);
        await family.shot('caregiver-profile');
      });

      it('family books two hours starting in about 70 minutes', async () => {
        const { page } = family;
        await link(page, m.family('caregiver.book')).click();
        await onPage(page, m.family('booking.title', people.caregiver.name));
        await field(page, m.family('booking.serviceType')).selectOption('HOSPITAL');
        await field(page, m.family('booking.rateType')).selectOption('HOURLY');
        await field(page, m.family('booking.startAt')).fill(seoulInputIn(70, clock.now().getTime()));
        await field(page, m.family('booking.hours')).fill('2');
        await page.locator('select[name="location.sido"]').selectOption(SIDO);
        await page.locator('select[name="location.sigungu"]').selectOption(SIGUNGU);
        await field(page, m.family('booking.address')).fill(spec.locale === 'ko' ? '강남세브란스병원 본관 7층 712호' : 'Gangnam Severance Hospital, ward 7, room 712');
        await field(page, m.family('booking.patientName')).fill(people.family.patient);
        await field(page, m.family('booking.conditions')).fill(spec.locale === 'ko' ? '치매, 당뇨' : 'dementia, diabetes');
        await page.getByRole('checkbox', { name: m.family('booking.consent'), exact: true }).check();
        // The all-in price, computed by the server for what was entered, shows its lines beside the form.
        await page.getByRole('region', { name: m.family('booking.quote'), exact: true }).getByRole('group').waitFor();
        await family.shot('booking-form');
        await button(page, m.family('booking.submit')).click();
        await onPage(page, m.family('detail.title'), 15_000);
        await statusBadge(page, 'REQUESTED').waitFor();
        expect(new URL(page.url()).pathname).toMatch(/^\/reservations\/[^/]+$/);
        await family.shot('requested');
      });

      it('caregiver accepts the request', async () => {
        const { page } = caregiver;
        await nav(page, 'nav.caregiverRequests').click();
        await onPage(page, m.caregiver('requests.title'));
        const request = page.getByRole('article').filter({ hasText: people.family.patient });
        await request.waitFor();
        await caregiver.shot('request');
        await button(request, m.caregiver('respond.accept')).click();
        await field(request, m.caregiver('respond.note')).fill(spec.locale === 'ko' ? '10분 일찍 도착하겠습니다.' : 'I will arrive ten minutes early.');
        await button(request, m.caregiver('respond.confirmAccept')).click();
        await status(page, m.caregiver('respond.accepted')).waitFor();
        await caregiver.shot('accepted');
      });

      it('family pays in the sandbox checkout and sees the booking confirmed', async () => {
        const { page } = family;
        // The open reservation page follows the caregiver's answer live.
        await statusBadge(page, 'ACCEPTED').waitFor({ timeout: 15_000 });
        await family.shot('accepted');
        await button(page, m.family('detail.pay')).click();
        await onPage(page, m.family('checkout.title'), 15_000);
        await family.shot('checkout');
        await button(page, m.family('checkout.pay')).click();
        await onPage(page, m.family('success.title'), 15_000);
        await waitForText(page.getByRole('main'), m.family('success.done'), 15_000);
        await family.shot('paid');
        await link(page, m.family('success.toReservation')).click();
        await onPage(page, m.family('detail.title'));
        await statusBadge(page, 'CONFIRMED').waitFor({ timeout: 15_000 });
        await family.shot('confirmed');
      });

      it('caregiver checks in and out', async () => {
        const { page } = caregiver;
        // The screen enables check-in by the browser's own clock: give it the server's (earlier runs moved it on).
        if (offset !== 0) await page.clock.setFixedTime(Date.now() + offset);
        await nav(page, 'nav.caregiverSchedule').click();
        await onPage(page, m.caregiver('schedule.title'));
        await button(page, m.caregiver('schedule.checkIn')).click();
        await status(page, m.caregiver('schedule.checkedIn')).waitFor();
        await caregiver.shot('checked-in');
        await statusBadge(family.page, 'IN_PROGRESS').waitFor({ timeout: 15_000 });
        await family.shot('in-progress');
        // The booking starts at most 75 minutes after it was made: move the server past the start.
        offset += 75 * 60_000;
        // The caregiver's browser moves on with it: the screen enables check-out at the start by its own clock.
        await page.clock.setFixedTime(Date.now() + offset);
        await page.reload();
        await onPage(page, m.caregiver('schedule.title'));
        await button(page, m.caregiver('schedule.checkOut')).click();
        await status(page, m.caregiver('schedule.checkedOut')).waitFor();
        await caregiver.shot('checked-out');
      });

      it('family sees the booking completed and writes a review', async () => {
        const { page } = family;
        await statusBadge(page, 'COMPLETED').waitFor({ timeout: 15_000 });
        const review = page.getByRole('form', { name: m.family('review.title'), exact: true });
        await review.getByRole('radio', { name: m.family('review.star', 5), exact: true }).check();
        await field(review, m.family('review.content')).fill(
          spec.locale === 'ko' ? '시간을 잘 지키시고 어머니를 정성껏 돌봐 주셨어요. 다음에도 부탁드리고 싶습니다.' : 'Punctual and very kind with my mother. We would book her again.',
        );
        await family.shot('review-form');
        await button(review, m.family('review.submit')).click();
        await status(page, m.family('review.done')).waitFor();
        await family.shot('reviewed');
      });
    });
  }
});
