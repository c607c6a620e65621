import { deflateSync, crc32 } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, describeInBrowser, openRun, stepsOfOneRun, type Actor, type BrowserRun } from './support/browser.ts';
import { messagesFor, type Messages } from './support/messages.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { button, field, menuLink, onPage, waitForText } from './support/ui.ts';
import { e2eApi, PASSWORD } from './support/api.ts';

// Issue 13 item 10 in Chromium (ko): the admin lists name people instead of showing ids, find them by name,
// email or phone; the reservation detail shows the guardian's phone; at 1280 px no table is cut off (and on
// a phone the table scrolls inside its own focusable region); the certificate opens large and zooms.

const HOUR = 3_600_000;
const kst = (at: number) => `${new Date(at + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;

/** A 900x600 PNG with stripes, so a zoomed view visibly differs (the server checks uploads by content). */
function stripedPng(width = 900, height = 600): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(Math.floor(x / 30) % 2 === Math.floor(y / 30) % 2 ? [30, 90, 160] : [240, 240, 235], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

describeInBrowser('admin lists with names in Chromium (ko: desktop 1280 px and phone)', { timeout: 60_000 }, () => {
  let server: E2EServer | undefined;
  let desktopRun: BrowserRun | undefined;
  let phoneRun: BrowserRun | undefined;
  let admin: Actor;
  let adminPhone: Actor;
  let m: Messages;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const n = Math.floor(1000 + Math.random() * 9000);
  const people = {
    family: { name: `한가족 ${n}`, email: `ap-family-${tag}@example.com`, phone: `010-55${String(n).slice(0, 2)}-${n}` },
    caregiver: { name: `오돌봄 ${n}`, email: `ap-caregiver-${tag}@example.com` },
    pending: { name: `신입간병 ${n}`, email: `ap-pending-${tag}@example.com` },
    admin: { name: `관리자 ${n}`, email: `ap-admin-${tag}@example.com` },
  };
  let reservationId = '';

  const { call: callApi, signUp } = e2eApi(() => server!.baseUrl);
  const profileBody = (name: string) => ({
    displayName: name,
    gender: 'FEMALE',
    birthYear: 1966,
    careerYears: 12,
    introduction: '병원 간병 12년, 어르신을 가족처럼 모십니다.',
    certificates: [{ type: 'CARE_WORKER', number: '2013-000222' }],
    regions: [{ sido: '서울', sigungu: '마포' }],
    serviceTypes: ['HOSPITAL'],
    languages: ['ko'],
    hourlyRate: 15000,
    dailyRate: 130000,
  });

  beforeAll(async () => {
    m = await messagesFor('ko', ['common', 'auth', 'admin']);
    server = await startE2EServer();
    const familyToken = await signUp('GUARDIAN', people.family.name, people.family.email, { phone: people.family.phone });
    const caregiverToken = await signUp('CAREGIVER', people.caregiver.name, people.caregiver.email);
    const adminToken = await signUp('ADMIN', people.admin.name, people.admin.email, { adminSecret: server.adminSecret });
    const profile = await callApi<{ id: string }>('/caregivers', { token: caregiverToken, body: profileBody(people.caregiver.name) });
    await callApi(`/admin/caregivers/${profile.id}/approve`, { method: 'POST', token: adminToken });
    const start = Math.ceil((Date.now() + 3 * 24 * HOUR) / HOUR) * HOUR;
    const reservation = await callApi<{ id: string }>('/reservations', {
      token: familyToken,
      body: {
        caregiverId: profile.id,
        serviceType: 'HOSPITAL',
        rateType: 'HOURLY',
        startAt: kst(start),
        endAt: kst(start + 4 * HOUR),
        location: { sido: '서울', sigungu: '마포', address: '마포대로 1' },
        patient: { name: `최환자 ${n}`, conditions: [] },
      },
    });
    reservationId = reservation.id;
    await callApi(`/reservations/${reservation.id}/accept`, { method: 'POST', token: caregiverToken, body: {} });
    const payment = await callApi<{ orderId: string }>('/payments', { token: familyToken, body: { reservationId: reservation.id } });
    const paid = await callApi<{ paymentKey: string; orderId: string; amount: number }>('/payments/sandbox/checkout', {
      token: familyToken,
      body: { orderId: payment.orderId, outcome: 'success', card: 'ok' },
    });
    await callApi('/payments/confirm', { token: familyToken, body: paid });
    // A caregiver waiting for review, with a certificate scan.
    const pendingToken = await signUp('CAREGIVER', people.pending.name, people.pending.email);
    await callApi('/caregivers', { token: pendingToken, body: profileBody(people.pending.name) });
    const form = new FormData();
    form.append('kind', 'CERTIFICATE');
    form.append('file', new Blob([new Uint8Array(stripedPng())], { type: 'image/png' }), 'certificate.png');
    await callApi('/caregivers/me/documents', { token: pendingToken, form });

    desktopRun = await openRun('admin-people-ko-desktop', 'desktop', server.baseUrl);
    phoneRun = await openRun('admin-people-ko-phone', 'phone', server.baseUrl);
    admin = await desktopRun.actor('admin');
    adminPhone = await phoneRun.actor('admin');
  }, 180_000);

  afterAll(async () => {
    await desktopRun?.close();
    await phoneRun?.close();
    await closeBrowser();
    await server?.close();
  });

  stepsOfOneRun(
    () => desktopRun,
    () => [admin, adminPhone],
  );

  const nav = (page: Page, key: string) => menuLink(page, m.common('nav.label'), m.common(key));

  async function logIn(page: Page, next: string): Promise<void> {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await onPage(page, m.auth('login.title'));
    await field(page, m.auth('login.email')).fill(people.admin.email);
    await field(page, m.auth('login.password')).fill(PASSWORD);
    await button(page, m.auth('login.submit')).click();
  }

  /** Whether the table's last column fits in the window (or its region scrolls to it). */
  async function lastColumnReachable(page: Page, caption: string): Promise<{ fits: boolean; scrolls: boolean }> {
    const region = page.getByRole('region', { name: caption, exact: true });
    await region.waitFor();
    const viewport = page.viewportSize()!.width;
    const measured = await region.evaluate((el) => {
      const last = el.querySelector('thead th:last-child')!.getBoundingClientRect();
      return { right: last.right, regionRight: el.getBoundingClientRect().right, scrolls: el.scrollWidth > el.clientWidth };
    });
    return { fits: measured.right <= viewport && measured.right <= measured.regionRight + 1, scrolls: measured.scrolls };
  }

  it('shows names in the reservation list, finds the family by phone and by name, and fits 1280 px', async () => {
    const { page } = admin;
    await logIn(page, '/admin/reservations');
    await onPage(page, m.common('nav.adminReservations'));
    const table = page.getByRole('table', { name: m.admin('reservations.caption'), exact: true });
    await waitForText(table, people.family.name);
    await waitForText(table, people.caregiver.name);
    expect(await lastColumnReachable(page, m.admin('reservations.caption'))).toMatchObject({ fits: true });
    await admin.shot('reservations-with-names');
    // Search by the phone number without dashes, then by part of the name.
    await field(page, m.admin('search')).fill(people.family.phone.replace(/-/g, ''));
    await button(page, m.admin('filters.apply')).click();
    await page.waitForURL(/[?&]q=/);
    await waitForText(table, people.family.name);
    expect(await table.locator('tbody tr').count()).toBe(1);
    await field(page, m.admin('search')).fill(`없는사람${n}`);
    await button(page, m.admin('filters.apply')).click();
    await page.getByText(m.admin('reservations.empty'), { exact: true }).waitFor();
    await field(page, m.admin('search')).fill(people.caregiver.name);
    await button(page, m.admin('filters.apply')).click();
    await waitForText(table, people.family.name);
    await admin.shot('reservations-found-by-name');
  });

  it('shows the guardian with phone and email on the reservation detail', async () => {
    const { page } = admin;
    await page.goto(`/admin/reservations/${reservationId}`);
    const summary = page.getByRole('region', { name: m.admin('detail.summary'), exact: true });
    await waitForText(summary, people.family.name);
    await waitForText(summary, people.family.phone);
    await waitForText(summary, people.family.email);
    await admin.shot('reservation-detail-contact');
  });

  it('shows payer and payee names in the payment list, searchable by email, within 1280 px', async () => {
    const { page } = admin;
    await nav(page, 'nav.adminPayments').click();
    await onPage(page, m.common('nav.adminPayments'));
    const table = page.getByRole('table', { name: m.admin('payments.caption'), exact: true });
    await waitForText(table, people.family.name);
    await waitForText(table, people.caregiver.name);
    expect(await lastColumnReachable(page, m.admin('payments.caption'))).toMatchObject({ fits: true });
    await field(page, m.admin('search')).fill(people.family.email.toUpperCase());
    await button(page, m.admin('filters.apply')).click();
    await page.waitForURL(/[?&]q=/);
    await waitForText(table, people.family.name);
    await admin.shot('payments-with-names');
  });

  it('opens the certificate large and zooms it', async () => {
    const { page } = admin;
    await nav(page, 'nav.adminCaregivers').click();
    await onPage(page, m.common('nav.adminCaregivers'));
    await button(page, m.admin('caregivers.review', people.pending.name)).click();
    const open = button(page, m.admin('review.open', m.admin('review.documentKind.CERTIFICATE')));
    await open.click();
    const dialog = page.getByRole('dialog', { name: m.admin('review.documentAlt', m.admin('review.documentKind.CERTIFICATE'), people.pending.name) });
    const image = dialog.getByRole('img');
    await image.waitFor();
    await page.waitForFunction("document.querySelector('dialog img')?.complete === true");
    const fitted = (await image.boundingBox())!;
    expect(fitted.width).toBeGreaterThan(800); // was ~300 px in the review column
    await admin.shot('certificate-large');
    await button(dialog, m.admin('zoomIn')).click();
    await button(dialog, m.admin('zoomIn')).click();
    await dialog.getByText(m.admin('zoomLevel', 200), { exact: true }).waitFor();
    expect((await image.boundingBox())!.width).toBeGreaterThan(fitted.width * 1.5);
    const stage = dialog.getByRole('region');
    expect(await stage.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await admin.shot('certificate-zoomed');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe(m.admin('review.open', m.admin('review.documentKind.CERTIFICATE')));
  });

  it('on a phone the list scrolls inside its own focusable region, names first', async () => {
    const { page } = adminPhone;
    await logIn(page, '/admin/reservations');
    await onPage(page, m.common('nav.adminReservations'));
    const table = page.getByRole('table', { name: m.admin('reservations.caption'), exact: true });
    await waitForText(table, people.family.name);
    const region = page.getByRole('region', { name: m.admin('reservations.caption'), exact: true });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
    await adminPhone.shot('reservations-phone');
  });

  it('gets the app script precompressed (issue 13 item 13): brotli when asked, gzip, or as it is', async () => {
    const { page } = adminPhone;
    const script = String(await page.evaluate(`document.querySelector('script[type=module][src]')?.src ?? ''`));
    expect(script).toMatch(/\/assets\/.+\.js$/);
    for (const [accept, encoding] of [['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip'], ['identity', null]] as const) {
      const response = await fetch(script, { headers: { 'accept-encoding': accept } });
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('vary')?.toLowerCase()).toContain('accept-encoding');
      await response.arrayBuffer();
    }
  });
});
