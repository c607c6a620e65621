import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, describeInBrowser, openRun, RESULTS_DIR, stepsOfOneRun, type Actor, type BrowserRun, type Device } from './support/browser.ts';
import { messagesFor, type Locale, type Messages } from './support/messages.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { button, field, header, link, onPage, openMenu, waitForText } from './support/ui.ts';
import { e2eApi, PASSWORD, until } from './support/api.ts';

// Issue 13 items 4, 5, 8, 9 and 14, in Korean on a phone and in English on a desktop:
// - one live connection per tab (the bell counts 1 for 1 notification);
// - 예약하기 → 로그인 (saying why) → 회원가입 → back on the booking form (`next` kept through sign-up);
// - check-in says when it opens and turns on by itself then; check-out waits for the start;
// - the phone header is one compact row with a menu; large text clips nothing and shows its state;
//   "읽음으로 표시" breaks only between words;
// - how long logged-in pages take to show their heading and content (p50/p95, a benchmark: written to
//   test-results/e2e/<run>/timings.json and reported in bench/README.md; nothing is asserted on time).

const HOUR = 3_600_000;
/** The e2e server's CHECKIN_OPENS_BEFORE (support/server.ts). */
const CHECKIN_OPENS_BEFORE = 3 * HOUR;
const SAMPLES = 7;

const kst = (at: number) => `${new Date(Math.floor(at / 1000) * 1000 + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;

let server: E2EServer | undefined;

beforeAll(async () => {
  server = await startE2EServer();
}, 240_000);

afterAll(async () => {
  await closeBrowser();
  await server?.close();
});

const { call: callApi, logIn: logInApi, signUp: signUpApi } = e2eApi(() => server!.baseUrl);

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

// Page code below runs in the browser (as self-contained functions: the app's CSP forbids eval); the server's
// tsconfig has no DOM types, so they declare the little they use.
interface Box {
  readonly left: number;
  readonly right: number;
  readonly width: number;
}
interface PageNode {
  readonly textContent: string | null;
  readonly offsetParent: unknown;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly tagName: string;
  readonly style: { cssText: string };
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): Iterable<PageNode>;
  getBoundingClientRect(): Box;
  append(node: PageNode): void;
  remove(): void;
}
interface PageGlobals {
  readonly document: PageNode & { createElement(tag: string): PageNode & { textContent: string | null } };
  readonly performance: { now(): number };
  readonly innerWidth: number;
  getComputedStyle(node: unknown): { position: string; paddingLeft: string; paddingRight: string };
}
function positionOf(element: unknown): string {
  return (globalThis as unknown as PageGlobals).getComputedStyle(element).position;
}

/** The header's visible links, buttons and selects whose text is cut off or that run past the screen. */
function clippedControls(headerElement: unknown): string[] {
  const w = (globalThis as unknown as PageGlobals);
  return [...(headerElement as PageNode).querySelectorAll('a, button, select')]
    .filter((e) => e.offsetParent !== null)
    .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > w.innerWidth + 0.5 || e.getBoundingClientRect().left < -0.5)
    .map((e) => (e.textContent ?? '').trim() || e.tagName);
}

/** Words of buttons wider than their button (so the browser had to break them inside). */
function wordsSplitInButtons(mainElement: unknown): string[] {
  const w = (globalThis as unknown as PageGlobals);
  const broken: string[] = [];
  for (const b of (mainElement as PageNode).querySelectorAll('button, .btn')) {
    const style = w.getComputedStyle(b);
    const room = b.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    for (const word of (b.textContent ?? '').trim().split(/\s+/)) {
      const probe = w.document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
      probe.textContent = word;
      b.append(probe);
      if (probe.getBoundingClientRect().width > room + 0.5) broken.push(word);
      probe.remove();
    }
  }
  return broken;
}

interface PageElement {
  readonly textContent: string | null;
  querySelector(selector: string): PageElement | null;
}

/**
 * In the page: performance.now() once main shows its h1, no loading indicator and some content after the
 * heading; false before. A function (not a string: the app's CSP forbids eval), typed without the DOM lib.
 */
function shownAt(): number | false {
  const { document, performance } = globalThis as unknown as { document: PageElement; performance: { now(): number } };
  const main = document.querySelector('main');
  const h1 = main?.querySelector('h1');
  if (!main || !h1 || main.querySelector('.loading')) return false;
  const text = (main.textContent ?? '').replace(h1.textContent ?? '', '').trim();
  return text.length > 0 ? performance.now() : false;
}

const RUNS: readonly { locale: Locale; device: Device }[] = [
  { locale: 'ko', device: 'phone' },
  { locale: 'en', device: 'desktop' },
];

for (const { locale, device } of RUNS) {
  const runName = `live-and-timing-${locale}-${device}`;
  describeInBrowser(`one live connection, sign-up keeps next, check-in timing, header, page timings (${locale}, ${device})`, { timeout: 90_000 }, () => {
    let run: BrowserRun | undefined;
    let family: Actor;
    let caregiver: Actor;
    let admin: Actor;
    let m: Messages;
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const n = Math.floor(1000 + Math.random() * 9000);
    const people = {
      family: { name: `박지은 ${n}`, email: `w2-family-${tag}@example.com` },
      caregiver: { name: `장미숙 ${n}`, email: `w2-caregiver-${tag}@example.com` },
      admin: { name: `관리자 ${n}`, email: `w2-admin-${tag}@example.com` },
    };
    let caregiverId = '';
    let caregiverToken = '';
    let confirmedId = '';
    const sockets: string[] = [];

    const booking = (token: string, startAt: number, hours = 2) =>
      callApi<{ id: string }>('/reservations', {
        token,
        body: {
          caregiverId,
          serviceType: 'HOSPITAL',
          rateType: 'HOURLY',
          startAt: kst(startAt),
          endAt: kst(startAt + hours * HOUR),
          location: { sido: '서울', sigungu: '강남', address: '테헤란로 1' },
          patient: { name: `최순자 ${n}`, conditions: [] },
        },
      });

    async function logIn(page: Page, email: string, next: string): Promise<void> {
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await onPage(page, m.auth('login.title'));
      await field(page, m.auth('login.email')).fill(email);
      await field(page, m.auth('login.password')).fill(PASSWORD);
      await button(page, m.auth('login.submit')).click();
    }

    beforeAll(async () => {
      m = await messagesFor(locale, ['common', 'auth', 'family', 'caregiver', 'admin', 'chat']);
      caregiverToken = await signUpApi('CAREGIVER', people.caregiver.name, people.caregiver.email);
      const profile = await callApi<{ id: string }>('/caregivers', {
        token: caregiverToken,
        body: {
          displayName: people.caregiver.name,
          gender: 'FEMALE',
          birthYear: 1962,
          careerYears: 12,
          introduction: '요양병원 간병 12년, 야간 간병도 가능합니다.',
          certificates: [{ type: 'CARE_WORKER', number: '2013-000222' }],
          regions: [{ sido: '서울', sigungu: '강남' }],
          serviceTypes: ['HOSPITAL'],
          languages: ['ko'],
          hourlyRate: 15000,
          dailyRate: 140000,
        },
      });
      caregiverId = profile.id;
      const adminToken = await signUpApi('ADMIN', people.admin.name, people.admin.email, { adminSecret: server!.adminSecret });
      await callApi(`/admin/caregivers/${profile.id}/approve`, { method: 'POST', token: adminToken });
      run = await openRun(runName, device, server!.baseUrl);
      family = await run.actor('family');
      caregiver = await run.actor('caregiver');
      admin = await run.actor('admin');
      for (const actor of [family, caregiver, admin]) {
        if (locale === 'en') await actor.context.addInitScript(() => localStorage.setItem('carenest.locale', 'en'));
      }
      family.page.on('websocket', (ws) => sockets.push(ws.url()));
    }, 120_000);

    afterAll(async () => {
      await run?.close();
    });

    stepsOfOneRun(
      () => run,
      () => [family, caregiver, admin],
    );

    it('예약하기 → login (saying why) → sign-up → back on the booking form (item 5)', async () => {
      const { page } = family;
      await page.goto(`/caregivers/${caregiverId}`);
      await link(page.locator('main'), m.family('caregiver.book')).click();
      await onPage(page, m.auth('login.title'));
      await page.getByRole('status').filter({ hasText: m.auth('login.reasonBook') }).waitFor();
      await family.shot('login-why');
      await link(page.locator('main'), m.auth('login.signupLink')).click();
      await onPage(page, m.auth('signup.title'));
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/book/${caregiverId}`);
      // The way back to the login page keeps it too.
      expect(await link(page.locator('main'), m.auth('signup.loginLink')).getAttribute('href')).toBe(`/login?next=${encodeURIComponent(`/book/${caregiverId}`)}`);
      await page.getByRole('radio', { name: m.auth('signup.roleGuardian'), exact: true }).check();
      await field(page, m.auth('signup.name')).fill(people.family.name);
      await field(page, m.auth('signup.email')).fill(people.family.email);
      await field(page, m.auth('signup.password')).fill(PASSWORD);
      await page.getByRole('checkbox', { name: m.auth('all'), exact: true }).check();
      await button(page, m.auth('signup.submit')).click();
      await onPage(page, m.family('booking.title', people.caregiver.name));
      expect(new URL(page.url()).pathname).toBe(`/book/${caregiverId}`);
      await family.shot('booking-after-signup');
    });

    it('keeps one live connection per tab; the bell counts 1 for 1 notification (item 4)', async () => {
      const { page } = family;
      sockets.length = 0;
      await page.goto('/reservations');
      await onPage(page, m.family('list.title'));
      const bell = (count: string) => link(header(page), m.common('bell.label', count));
      await bell('').waitFor();
      await page.waitForTimeout(1_500);
      expect(sockets).toHaveLength(1);
      // The caregiver accepting the family's request notifies the family: one notification, one count.
      const familyToken = await logInApi(people.family.email);
      const request = await booking(familyToken, Date.now() + 30 * HOUR);
      await callApi(`/reservations/${request.id}/accept`, { method: 'POST', token: caregiverToken, body: {} });
      await bell('1').waitFor();
      await page.waitForTimeout(1_500);
      expect(await bell('1').count()).toBe(1);
      expect(sockets).toHaveLength(1);
      await family.shot('bell-one');
    });

    it('check-in says when it opens and turns on by itself then; check-out waits for the start (item 8)', async () => {
      const familyToken = await logInApi(people.family.email);
      // Starts so that check-in opens ~40 s from now.
      const start = Date.now() + CHECKIN_OPENS_BEFORE + 40_000;
      const r = await booking(familyToken, start);
      confirmedId = r.id;
      await callApi(`/reservations/${r.id}/accept`, { method: 'POST', token: caregiverToken, body: {} });
      const payment = await callApi<{ orderId: string }>('/payments', { token: familyToken, body: { reservationId: r.id } });
      const paid = await callApi<{ paymentKey: string; orderId: string; amount: number }>('/payments/sandbox/checkout', {
        token: familyToken,
        body: { orderId: payment.orderId, outcome: 'success', card: 'ok' },
      });
      await callApi('/payments/confirm', { token: familyToken, body: paid });
      await until('the booking to be confirmed', async () => (await callApi<{ status: string }>(`/reservations/${r.id}`, { token: familyToken })).status === 'CONFIRMED');

      const { page } = caregiver;
      await logIn(page, people.caregiver.email, `/caregiver/reservations/${r.id}`);
      await onPage(page, m.caregiver('detail.title'));
      const checkIn = button(page, m.caregiver('schedule.checkIn'));
      expect(await checkIn.isDisabled()).toBe(true);
      const hint = page.locator(`#${await checkIn.getAttribute('aria-describedby').then((id) => CSS_ESCAPE(id ?? ''))}`);
      expect(await hint.innerText()).toMatch(locale === 'ko' ? /^체크인은 .+부터 할 수 있습니다\.$/ : /^Check-in opens at .+\.$/);
      await caregiver.shot('check-in-not-yet');
      await until('check-in to open', async () => !(await checkIn.isDisabled()), 80_000);
      await checkIn.click();
      const checkOut = button(page, m.caregiver('schedule.checkOut'));
      await checkOut.waitFor();
      expect(await checkOut.isDisabled()).toBe(true);
      await waitForText(page.locator('main'), locale === 'ko' ? '체크아웃은 시작 시각인' : 'Check-out opens at the start');
      await caregiver.shot('check-out-not-yet');
    }, 150_000);

    if (device === 'phone') {
      it('the phone header is one compact row with a menu; large text clips nothing and shows its state (item 9)', async () => {
        const { page } = family;
        await page.goto('/reservations');
        await onPage(page, m.family('list.title'));
        const height = async () => (await header(page).boundingBox())?.height ?? 0;
        expect(await height()).toBeLessThanOrEqual(64);
        expect(await header(page).evaluate(positionOf)).toBe('static');
        await family.shot('header-phone');
        await openMenu(page);
        const toggle = button(header(page), m.common('settings.largeText'));
        expect(await toggle.getAttribute('aria-pressed')).toBe('false');
        expect(await toggle.innerText()).toContain(m.common('settings.off'));
        await family.shot('header-menu-open');
        await toggle.click();
        expect(await toggle.getAttribute('aria-pressed')).toBe('true');
        expect(await toggle.innerText()).toContain(m.common('settings.on'));
        // Nothing in the header is cut off or runs past the screen, in large text with the menu open...
        const clipped = () => header(page).evaluate(clippedControls);
        expect(await clipped()).toEqual([]);
        await family.shot('header-menu-large-text');
        // ...and closed: still one row.
        await page.keyboard.press('Escape');
        expect(await header(page).locator('#site-menu').isVisible()).toBe(false);
        expect(await height()).toBeLessThanOrEqual(72);
        expect(await clipped()).toEqual([]);
        await family.shot('header-large-text');

        // Korean words are not broken inside (word-break: keep-all): every word of every button fits its button.
        await page.goto('/notifications');
        const splitWords = await page.locator('main').evaluate(wordsSplitInButtons);
        expect(splitWords).toEqual([]);
        await family.shot('notifications-large-text');
        await openMenu(page);
        await button(header(page), m.common('settings.largeText')).click();
      });
    }

    it('logged-in pages: time from navigation to heading and content (item 14, benchmark)', async () => {
      await logIn(admin.page, people.admin.email, '/admin');
      await onPage(admin.page, m.common('nav.adminHome'));
      const pages: readonly [Actor, string][] = [
        [family, '/reservations'],
        [family, `/reservations/${confirmedId}`],
        [family, '/notifications'],
        [family, '/chat'],
        [caregiver, '/caregiver'],
        [caregiver, '/caregiver/schedule'],
        [caregiver, `/caregiver/reservations/${confirmedId}`],
        [caregiver, '/caregiver/earnings'],
        [admin, '/admin'],
        [admin, '/admin/reservations'],
      ];
      const rows: { page: string; samples: number[]; p50: number; p95: number }[] = [];
      for (const [actor, path] of pages) {
        const samples: number[] = [];
        for (let i = 0; i < SAMPLES; i += 1) {
          await actor.page.goto(path);
          // Shown: the page's h1 in main, no loading indicator left in main, and something after the heading.
          const shown = await actor.page.waitForFunction(shownAt, undefined, { polling: 'raf', timeout: 15_000 });
          samples.push(Math.round(Number(await shown.jsonValue())));
        }
        const sorted = [...samples].sort((a, b) => a - b);
        const label = path.replace(confirmedId, ':id');
        rows.push({ page: label, samples, p50: percentile(sorted, 50), p95: percentile(sorted, 95) });
      }
      const dir = join(RESULTS_DIR, runName);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'timings.json'), `${JSON.stringify({ locale, device, samples: SAMPLES, rows }, null, 2)}\n`);
      console.log(`page timings (${runName}), ms from navigation start:\n${rows.map((r) => `${r.page}\tp50 ${r.p50}\tp95 ${r.p95}`).join('\n')}`);
      expect(rows.every((r) => r.samples.length === SAMPLES)).toBe(true);
    }, 180_000);
  });
}

/** CSS.escape for an id from useId() (":r1:"), usable outside the page. */
function CSS_ESCAPE(id: string): string {
  return id.replace(/[^\w-]/g, (c) => `\\${c}`);
}
