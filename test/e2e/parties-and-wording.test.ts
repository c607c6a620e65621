import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, describeInBrowser, openRun, type BrowserRun } from './support/browser.ts';
import { messagesFor, type Locale, type Messages } from './support/messages.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { button, field, onPage, switchLanguage, waitForText } from './support/ui.ts';
import { e2eApi, PASSWORD, until } from './support/api.ts';

// Issue 13 items 6, 7, 11, 12: notifications name the other party (in the language on screen), the
// caregiver sees what they earn and, once paid, the family's contact; Korean wording (1968년생, 결제하기 on
// top with the deadline after acceptance, 예약이 확정되었습니다 after payment); English region names.
// Korean on a phone and English on a desktop; the booking is made through the API.

const HOUR = 3_600_000;
const kst = (at: number) => `${new Date(at + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;

const EARNINGS: Record<Locale, { caption: string; net: string; contact: string }> = {
  ko: { caption: '예상 수입', net: '받으실 금액', contact: '보호자 연락처' },
  en: { caption: 'Your expected earnings', net: 'You receive', contact: "Family's contact" },
};

describeInBrowser('parties and wording in Chromium (ko phone, en desktop)', { timeout: 90_000 }, () => {
  let server: E2EServer | undefined;
  const runs: BrowserRun[] = [];

  const { call: callApi, signUp } = e2eApi(() => server!.baseUrl);

  beforeAll(async () => {
    server = await startE2EServer({});
  }, 180_000);
  afterAll(async () => {
    for (const run of runs) await run.close();
    await closeBrowser();
    await server?.close();
  });

  async function logIn(page: Page, m: Messages, email: string, next: string): Promise<void> {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await onPage(page, m.auth('login.title'));
    await field(page, m.auth('login.email')).fill(email);
    await field(page, m.auth('login.password')).fill(PASSWORD);
    await button(page, m.auth('login.submit')).click();
  }

  it.each([
    ['ko', 'phone'],
    ['en', 'desktop'],
  ] as const)('%s on a %s', async (locale, device) => {
    const m = await messagesFor(locale, ['common', 'auth', 'family', 'caregiver']);
    const ko = await messagesFor('ko', ['common', 'auth']);
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const n = Math.floor(1000 + Math.random() * 9000);
    const family = { name: `박보람${n}`, email: `w3-family-${tag}@example.com` };
    const carer = { name: `장미숙${n}`, email: `w3-caregiver-${tag}@example.com` };
    const admin = { name: `관리자${n}`, email: `w3-admin-${tag}@example.com` };

    // An approved caregiver; a booking the day after tomorrow, accepted, not yet paid.
    const familyToken = await signUp('GUARDIAN', family.name, family.email, { phone: '010-2345-6789' });
    const caregiverToken = await signUp('CAREGIVER', carer.name, carer.email);
    const profile = await callApi<{ id: string }>('/caregivers', {
      token: caregiverToken,
      body: {
        displayName: carer.name, gender: 'FEMALE', birthYear: 1968, careerYears: 15, introduction: '병원 간병 15년, 치매 어르신 돌봄 경험이 많습니다.',
        certificates: [{ type: 'CARE_WORKER', number: '2011-000111' }], regions: [{ sido: '서울', sigungu: '강남' }],
        serviceTypes: ['HOSPITAL'], languages: ['ko'], hourlyRate: 15000, dailyRate: 140000,
      },
    });
    const adminToken = await signUp('ADMIN', admin.name, admin.email, { adminSecret: server!.adminSecret });
    await callApi(`/admin/caregivers/${profile.id}/approve`, { method: 'POST', token: adminToken });
    const start = Math.ceil((Date.now() + 48 * HOUR) / HOUR) * HOUR;
    const reservation = await callApi<{ id: string; totalAmount: number }>('/reservations', {
      token: familyToken,
      body: {
        caregiverId: profile.id, serviceType: 'HOSPITAL', rateType: 'HOURLY', startAt: kst(start), endAt: kst(start + 2 * HOUR),
        location: { sido: '서울', sigungu: '강남', address: '테헤란로 1' }, patient: { name: `이순자${n}`, birthYear: 1968, conditions: [] },
      },
    });
    await callApi(`/reservations/${reservation.id}/accept`, { method: 'POST', token: caregiverToken, body: {} });

    const run = await openRun(`parties-wording-${locale}-${device}`, device, server!.baseUrl);
    runs.push(run);
    const familyActor = await run.actor('family');
    const caregiverActor = await run.actor('caregiver');

    // The family, after acceptance: 결제하기 on top with the deadline; no "expires unless answered or paid".
    const fp = familyActor.page;
    await logIn(fp, ko, family.email, `/reservations/${reservation.id}`);
    if (locale === 'en') await switchLanguage(fp, ko, 'en');
    await fp.getByRole('heading', { name: m.family('detail.acceptedTitle'), exact: true }).waitFor();
    const payNow = fp.locator('.family-pay-now');
    expect(await payNow.getByRole('button', { name: m.family('detail.pay'), exact: true }).isVisible()).toBe(true);
    await waitForText(payNow, locale === 'ko' ? '결제하면 예약이 확정됩니다' : 'to confirm the booking');
    expect(await fp.getByText(locale === 'ko' ? '응답·결제가 없으면' : 'unless answered or paid').count()).toBe(0);
    const payBox = await payNow.boundingBox();
    const details = await fp.getByRole('heading', { name: m.family('detail.patient'), exact: true }).boundingBox();
    expect(payBox!.y).toBeLessThan(details!.y);
    await waitForText(fp.locator('main'), locale === 'ko' ? '1968년생' : 'born 1968');
    await waitForText(fp.locator('main'), locale === 'ko' ? '서울특별시 강남구' : 'Gangnam-gu, Seoul');
    await familyActor.shot('accepted-pay-on-top');

    // The caregiver before payment: earnings after commission, no contact yet.
    const cp = caregiverActor.page;
    await logIn(cp, ko, carer.email, `/caregiver/reservations/${reservation.id}`);
    if (locale === 'en') await switchLanguage(cp, ko, 'en');
    const earnings = cp.getByRole('group', { name: EARNINGS[locale].caption, exact: true });
    await earnings.waitFor();
    const net = reservation.totalAmount - Math.round(reservation.totalAmount / 10);
    await waitForText(earnings, EARNINGS[locale].net);
    await waitForText(earnings, locale === 'ko' ? `${net.toLocaleString('ko-KR')}원` : net.toLocaleString('en-US'));
    expect(await cp.getByText('추가 비용 없는 확정 금액입니다.').count()).toBe(0);
    expect(await cp.getByRole('region', { name: EARNINGS[locale].contact, exact: true }).count()).toBe(0);
    await caregiverActor.shot('earnings-before-payment');

    // Paid (sandbox): the family is told the booking is confirmed.
    const payment = await callApi<{ orderId: string }>('/payments', { token: familyToken, body: { reservationId: reservation.id } });
    const paid = await callApi<{ paymentKey: string; orderId: string; amount: number }>('/payments/sandbox/checkout', {
      token: familyToken,
      body: { orderId: payment.orderId, outcome: 'success', card: 'ok' },
    });
    await callApi('/payments/confirm', { token: familyToken, body: paid });
    await until('the booking to be confirmed', async () => (await callApi<{ status: string }>(`/reservations/${reservation.id}`, { token: familyToken })).status === 'CONFIRMED');
    await fp.reload();
    await fp.getByRole('status').filter({ hasText: m.family('detail.confirmed') }).first().waitFor();
    await familyActor.shot('confirmed');

    // The caregiver now sees the family's name and phone.
    await cp.reload();
    const contact = cp.getByRole('region', { name: EARNINGS[locale].contact, exact: true });
    await contact.waitFor();
    await waitForText(contact, family.name);
    await waitForText(contact, '010-2345-6789');
    await caregiverActor.shot('family-contact');

    // The caregiver's notifications name the family, never herself, in the language on screen.
    await cp.goto('/notifications');
    const confirmed = cp.locator('main').getByText(locale === 'ko' ? `${family.name} 보호자님이 결제를 마쳐` : `${family.name} paid`).first();
    await confirmed.waitFor();
    const list = await cp.locator('main').innerText();
    expect(list).not.toContain(carer.name);
    if (locale === 'en') expect(list).not.toMatch(/예약이 확정되었습니다/);
    await caregiverActor.shot('notifications');

    // The family's notifications name the caregiver.
    await fp.goto('/notifications');
    await fp.locator('main').getByText(carer.name).first().waitFor();
    expect(await fp.locator('main').innerText()).not.toContain(family.name);
    await familyActor.shot('notifications');
  });
});
