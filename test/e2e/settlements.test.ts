import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kstClock } from '../../src/platform/kst.ts';
import { closeBrowser, describeInBrowser, openRun, stepsOfOneRun, watchRun, type Actor, type BrowserRun } from './support/browser.ts';
import { messagesFor, type Messages } from './support/messages.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { button, field, menuLink, onPage, waitForText } from './support/ui.ts';
import { e2eApi, PASSWORD, until } from './support/api.ts';

// Caregiver payouts in Korean: an admin on a desktop previews and runs the settlement of last week, opens
// it and records the bank transfer; the caregiver, on a phone, finds it paid on the earnings page.
//
// The booking is made through the API, last week: the server's clock runs behind the real one while the
// family books and pays and the caregiver checks in and out (Wednesday of last week, Seoul time), then
// catches up before anyone opens a browser, so the admin's default period (last Monday to Monday) holds it.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 12:00 KST on Wednesday of the week before the one `now` is in. */
function lastWeeksWednesdayNoon(now: number): number {
  const { date, weekday } = kstClock(now);
  const thisMondayMidnight = Date.parse(`${date}T00:00:00+09:00`) - ((weekday + 6) % 7) * DAY;
  return thisMondayMidnight - 7 * DAY + 2 * DAY + 12 * HOUR;
}

const kst = (at: number) => `${new Date(at + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;
const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

describeInBrowser('settlements in Chromium (ko: admin on a desktop, caregiver on a phone)', { timeout: 60_000 }, () => {
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  let server: E2EServer | undefined;
  let adminRun: BrowserRun | undefined;
  let caregiverRun: BrowserRun | undefined;
  let admin: Actor;
  let caregiver: Actor;
  let m: Messages;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const n = Math.floor(1000 + Math.random() * 9000);
  const people = {
    family: { name: `이보람 ${n}`, email: `stl-family-${tag}@example.com` },
    caregiver: { name: `김하늘 ${n}`, email: `stl-caregiver-${tag}@example.com` },
    admin: { name: `관리자 ${n}`, email: `stl-admin-${tag}@example.com` },
  };
  let netAmount = 0;
  let settlementId = '';

  const { call: callApi, logIn: logInApi, signUp } = e2eApi(() => server!.baseUrl);

  beforeAll(async () => {
    m = await messagesFor('ko', ['common', 'auth', 'caregiver', 'admin']);
    const noon = lastWeeksWednesdayNoon(Date.now());
    offset = noon - Date.now();
    server = await startE2EServer({}, { clock });

    // Last Wednesday: accounts, an approved caregiver, a 2-hour booking from 14:00, accepted and paid.
    const familyToken = await signUp('GUARDIAN', people.family.name, people.family.email);
    const caregiverToken = await signUp('CAREGIVER', people.caregiver.name, people.caregiver.email);
    const profile = await callApi<{ id: string }>('/caregivers', {
      token: caregiverToken,
      body: {
        displayName: people.caregiver.name,
        gender: 'FEMALE',
        birthYear: 1968,
        careerYears: 15,
        introduction: '병원 간병 15년, 치매 어르신 돌봄 경험이 많습니다.',
        certificates: [{ type: 'CARE_WORKER', number: '2011-000111' }],
        regions: [{ sido: '서울', sigungu: '강남' }],
        serviceTypes: ['HOSPITAL', 'DEMENTIA'],
        languages: ['ko'],
        hourlyRate: 15000,
        dailyRate: 140000,
      },
    });
    const adminToken = await signUp('ADMIN', people.admin.name, people.admin.email, { adminSecret: server.adminSecret });
    await callApi(`/admin/caregivers/${profile.id}/approve`, { method: 'POST', token: adminToken });
    const start = noon + 2 * HOUR;
    const reservation = await callApi<{ id: string; totalAmount: number }>('/reservations', {
      token: familyToken,
      body: {
        caregiverId: profile.id,
        serviceType: 'HOSPITAL',
        rateType: 'HOURLY',
        startAt: kst(start),
        endAt: kst(start + 2 * HOUR),
        location: { sido: '서울', sigungu: '강남', address: '테헤란로 1' },
        patient: { name: `이순자 ${n}`, conditions: [] },
      },
    });
    await callApi(`/reservations/${reservation.id}/accept`, { method: 'POST', token: caregiverToken, body: {} });
    const payment = await callApi<{ orderId: string }>('/payments', { token: familyToken, body: { reservationId: reservation.id } });
    const paid = await callApi<{ paymentKey: string; orderId: string; amount: number }>('/payments/sandbox/checkout', {
      token: familyToken,
      body: { orderId: payment.orderId, outcome: 'success', card: 'ok' },
    });
    await callApi('/payments/confirm', { token: familyToken, body: paid });
    const statusOf = async () => (await callApi<{ status: string }>(`/reservations/${reservation.id}`, { token: familyToken })).status;
    await until('the booking to be confirmed', async () => (await statusOf()) === 'CONFIRMED');
    // Check-in opens 3 h before the start (the e2e server's setting); check-out after the end, at 16:05.
    await callApi(`/reservations/${reservation.id}/check-in`, { method: 'POST', token: caregiverToken });
    offset = start + 2 * HOUR + 5 * 60_000 - Date.now();
    const laterToken = await logInApi(people.caregiver.email);
    await callApi(`/reservations/${reservation.id}/check-out`, { method: 'POST', token: laterToken });
    // The settlements ledger has the payment and the completion (events, processed in the background).
    await until('the ledger to hold the finished booking', async () => {
      const summary = await callApi<{ unsettled: { reservationCount: number } }>('/settlements/summary', { token: laterToken });
      return summary.unsettled.reservationCount === 1;
    });
    netAmount = reservation.totalAmount - Math.round(reservation.totalAmount / 10);
    offset = 0;

    adminRun = await openRun('settlements-admin-ko-desktop', 'desktop', server.baseUrl);
    caregiverRun = await openRun('settlements-caregiver-ko-phone', 'phone', server.baseUrl);
    admin = await adminRun.actor('admin');
    caregiver = await caregiverRun.actor('caregiver');
  }, 180_000);

  afterAll(async () => {
    await adminRun?.close();
    await caregiverRun?.close();
    await closeBrowser();
    await server?.close();
  });

  stepsOfOneRun(
    () => adminRun,
    () => [admin],
  );
  watchRun(
    () => caregiverRun,
    () => [caregiver],
  );

  const nav = (page: Page, key: string) => menuLink(page, m.common('nav.label'), m.common(key));
  const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first();

  async function logIn(page: Page, email: string, next: string): Promise<void> {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await onPage(page, m.auth('login.title'));
    await field(page, m.auth('login.email')).fill(email);
    await field(page, m.auth('login.password')).fill(PASSWORD);
    await button(page, m.auth('login.submit')).click();
  }

  it('the admin previews last week, confirms and runs the settlement', async () => {
    const { page } = admin;
    await logIn(page, people.admin.email, '/admin');
    await onPage(page, m.common('nav.adminHome'));
    await nav(page, 'nav.adminSettlements').click();
    await onPage(page, m.common('nav.adminSettlements'));
    await page.getByText(m.admin('settlements.list.empty'), { exact: true }).waitFor();
    await admin.shot('settlements-empty');
    await button(page, m.admin('settlements.run.preview')).click();
    await page.getByText(m.admin('settlements.run.previewTotals', 1, won(netAmount)), { exact: true }).waitFor();
    await page.locator('summary').filter({ hasText: people.caregiver.name }).click();
    await admin.shot('preview');
    await button(page, m.admin('settlements.run.execute')).click();
    const dialog = page.getByRole('alertdialog', { name: m.admin('settlements.run.confirmTitle'), exact: true });
    await dialog.waitFor();
    await admin.shot('confirm-run');
    await button(dialog, m.admin('settlements.run.confirm')).click();
    await status(page, m.admin('settlements.run.done', 1)).waitFor();
    const table = page.getByRole('table', { name: m.admin('settlements.list.caption'), exact: true });
    await waitForText(table, people.caregiver.name);
    await waitForText(table, m.admin('settlements.status.PENDING'));
    await admin.shot('run-done');
  });

  it('the admin opens the settlement and records the transfer', async () => {
    const { page } = admin;
    const created = page.getByRole('region', { name: m.admin('settlements.run.createdTitle'), exact: true }).getByRole('link');
    settlementId = (await created.getAttribute('title')) ?? '';
    await created.click();
    await onPage(page, `${m.admin('settlements.detail.title')} ${settlementId.slice(-8)}`);
    const summary = page.getByRole('region', { name: m.admin('settlements.detail.summary'), exact: true });
    await waitForText(summary, won(netAmount));
    await field(page, m.admin('settlements.pay.reference')).fill(`KB-${tag}`);
    await button(page, m.admin('settlements.pay.submit')).click();
    const dialog = page.getByRole('alertdialog', { name: m.admin('settlements.pay.confirmTitle'), exact: true });
    await dialog.waitFor();
    await admin.shot('confirm-pay');
    await button(dialog, m.admin('settlements.pay.confirm')).click();
    await status(page, m.admin('settlements.pay.done')).waitFor();
    await waitForText(summary, m.admin('settlements.status.PAID'));
    await waitForText(summary, `KB-${tag}`);
    await admin.shot('paid');
  });

  it('the admin downloads the list as CSV for Korean Excel (kept next to the screenshots)', async () => {
    const { page } = admin;
    await nav(page, 'nav.adminSettlements').click();
    await onPage(page, m.common('nav.adminSettlements'));
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, m.admin('settlements.list.csv')).click()]);
    expect(download.suggestedFilename()).toMatch(/^settlements-\d{8}\.csv$/);
    const file = join(adminRun!.dir, 'settlements.csv');
    await download.saveAs(file);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = bytes.toString('utf8').slice(1).split('\r\n');
    expect(header).toBe('간병인,정산 시작,정산 종료,총액,수수료,지급액,상태,지급일,이체 참조,정산ID,간병인ID');
    expect(row).toContain(`${people.caregiver.name},`);
    expect(row).toContain(`,${netAmount},지급 완료,`);
    expect(row).toContain(`,KB-${tag},${settlementId},`);
  });

  it('the caregiver sees the settlement paid, with the net amount, on the earnings page', async () => {
    const { page } = caregiver;
    await logIn(page, people.caregiver.email, '/caregiver');
    await onPage(page, m.caregiver('home.title'));
    await nav(page, 'nav.caregiverEarnings').click();
    await onPage(page, m.caregiver('earnings.title'));
    const list = page.getByRole('list', { name: m.caregiver('earnings.listLabel'), exact: true });
    const item = list.getByRole('listitem').first();
    await waitForText(item, m.caregiver('earnings.status.PAID'));
    await waitForText(item, won(netAmount));
    await waitForText(page.getByRole('region', { name: m.caregiver('earnings.paid'), exact: true }), won(netAmount));
    await caregiver.shot('earnings-paid');
    await item.getByText(m.caregiver('earnings.showLines', 1), { exact: true }).click();
    await waitForText(item.getByRole('list'), won(netAmount));
    await caregiver.shot('earnings-lines');
  });
});
