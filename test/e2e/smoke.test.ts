import { accessibilityViolations } from './support/accessibility.ts';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { closeBrowser, describeInBrowser, openRun, watchRun, type Actor, type BrowserRun } from './support/browser.ts';
import { messagesFor, type Messages } from './support/messages.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { button, field, header, heading, link, onPage, switchLanguage } from './support/ui.ts';

// The built app served by the real server, in Chromium: the shell works before anyone signs in.
// Each test is a new visitor (fresh storage), so a language or text-size choice does not leak.

describeInBrowser('web app smoke (Chromium)', { timeout: 60_000 }, () => {
  let server: E2EServer | undefined;
  let run: BrowserRun | undefined;
  let visitor: Actor | undefined;
  let ko: Messages;
  let en: Messages;

  beforeAll(async () => {
    [ko, en] = await Promise.all([messagesFor('ko', ['common', 'auth', 'family']), messagesFor('en', ['common', 'auth', 'family'])]);
    server = await startE2EServer();
    run = await openRun('smoke', 'desktop', server.baseUrl);
  }, 180_000);

  afterAll(async () => {
    await run?.close();
    await closeBrowser();
    await server?.close();
  });

  beforeEach(async () => {
    await visitor?.context.close();
    visitor = await run!.actor('visitor');
  });

  watchRun(
    () => run,
    () => [visitor],
  );

  const lang = (actor: Actor) => actor.page.locator('html').getAttribute('lang');

  it('renders the home page in Korean', async () => {
    const { page } = visitor!;
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await onPage(page, ko.family('search.title'));
    expect(await lang(visitor!)).toBe('ko');
    expect(await page.title()).toContain(ko.family('search.title'));
    await visitor!.shot('home-ko');
  });

  it('switches the language to English and remembers it', async () => {
    const { page } = visitor!;
    await page.goto('/');
    await onPage(page, ko.family('search.title'));
    await switchLanguage(page, ko, 'en');
    await onPage(page, en.family('search.title'));
    expect(await lang(visitor!)).toBe('en');
    await link(header(page), en.common('nav.login')).waitFor();
    await visitor!.shot('home-en');
    await page.reload();
    await onPage(page, en.family('search.title'));
    await switchLanguage(page, en, 'ko');
    await onPage(page, ko.family('search.title'));
  });

  it('shows a readable error for wrong credentials on the login page', async () => {
    const { page } = visitor!;
    await page.goto('/login');
    await onPage(page, ko.auth('login.title'));
    await field(page, ko.auth('login.email')).fill('nobody@example.com');
    await field(page, ko.auth('login.password')).fill('not-the-password-123');
    await button(page, ko.auth('login.submit')).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(ko.common('problems.INVALID_CREDENTIALS'));
    expect(new URL(page.url()).pathname).toBe('/login');
    await visitor!.shot('login-wrong-password');
  });

  it('answers an unknown deep link with the app and its not-found page', async () => {
    const { page } = visitor!;
    const response = await page.goto('/no/such/page?x=1');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    await onPage(page, ko.common('states.notFound'));
    await visitor!.shot('not-found');
  });

  it('toggles large text, remembered across a reload', async () => {
    const { page } = visitor!;
    await page.goto('/');
    await onPage(page, ko.family('search.title'));
    const toggle = button(header(page), ko.common('settings.largeText'));
    const rootFontSize = async () => Number(await page.evaluate('parseFloat(getComputedStyle(document.documentElement).fontSize)'));
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const normal = await rootFontSize();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('data-text')).toBe('large');
    expect(await rootFontSize()).toBeGreaterThan(normal);
    await visitor!.shot('large-text');
    await page.reload();
    await heading(page, ko.family('search.title')).waitFor();
    expect(await page.locator('html').getAttribute('data-text')).toBe('large');
    await toggle.click();
    expect(await page.locator('html').getAttribute('data-text')).toBe('normal');
  });

  it('finds WCAG violations when a page has them (the checkpoint check is not a no-op)', async () => {
    const { page } = visitor!;
    await page.goto('/');
    await onPage(page, ko.family('search.title'));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><button></button>')`);
    const violations = await accessibilityViolations(page);
    expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(violations.some((v) => v.startsWith('button-name'))).toBe(true);
  });
});
