import { existsSync } from 'node:fs';
import { appendFile, mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { beforeEach, describe } from 'vitest';
import { inCi } from '../../support/services.ts';
import { accessibilityViolations } from './accessibility.ts';

// The system Chromium (Debian package `chromium`; .ci/run installs it), driven by playwright-core.
// Without it a laptop run skips the browser suites with a reason; with CI=true that is a failure.

export const chromiumPath = process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
export const chromiumMissing = !existsSync(chromiumPath);

if (chromiumMissing) {
  if (inCi) {
    throw new Error(`Chromium is not installed at ${chromiumPath} (set CHROMIUM_PATH, or apt-get install chromium): the browser tests may not skip when CI=true`);
  }
  console.warn(`[tests] Chromium not found at ${chromiumPath} (set CHROMIUM_PATH or apt-get install chromium): the browser end-to-end tests are skipped`);
}

/** `describe` when Chromium is here, else `describe.skip` (never skipped in CI: the import throws). */
export const describeInBrowser = chromiumMissing ? describe.skip : describe;

// The machine's closed network makes Chromium's own background traffic fail noisily: keep it off.
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export type Device = 'phone' | 'desktop';

export const DEVICES: Record<Device, BrowserContextOptions> = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 900 } },
};

export const RESULTS_DIR = resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'e2e');

/** One person at the browser: their own context (cookies, storage), so sessions never mix. */
export interface Actor {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /**
   * A checkpoint: saves a full-page screenshot as test-results/e2e/<run>/<NN>-<actor>-<step>.png and
   * checks the page against WCAG 2.2 A/AA rules (axe-core); a violation fails the step.
   */
  shot(step: string): Promise<string>;
}

export interface BrowserRun {
  readonly name: string;
  readonly dir: string;
  readonly browser: Browser;
  actor(name: string): Promise<Actor>;
  /** Uncaught errors thrown in any page since the last call (and forgets them). */
  takePageErrors(): string[];
  close(): Promise<void>;
}

let launched: Promise<Browser> | undefined;

function launch(): Promise<Browser> {
  launched ??= chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
  return launched;
}

/**
 * A named run (a folder of screenshots, a console log) on one device. Registers, for the enclosing
 * describe, a screenshot of every open page when a test fails and a failure on uncaught page errors.
 */
export async function openRun(name: string, device: Device, baseUrl: string): Promise<BrowserRun> {
  const browser = await launch();
  const dir = join(RESULTS_DIR, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const log = join(dir, 'console.log');
  const actors: Actor[] = [];
  const pageErrors: string[] = [];
  let step = 0;
  const next = () => String(++step).padStart(2, '0');
  const slug = (text: string) => text.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

  return {
    name,
    dir,
    browser,
    async actor(who) {
      const context = await browser.newContext({ ...DEVICES[device], baseURL: baseUrl, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(20_000);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          void appendFile(log, `[${who}] console.${message.type()}: ${message.text()} (${page.url()})\n`);
        }
      });
      page.on('response', (response) => {
        if (response.status() >= 400) {
          void appendFile(log, `[${who}] HTTP ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname} (${page.url()})\n`);
        }
      });
      page.on('pageerror', (error) => {
        pageErrors.push(`[${who}] ${error.message} (${page.url()})`);
        void appendFile(log, `[${who}] pageerror: ${error.stack ?? error.message}\n`);
      });
      const actor: Actor = {
        name: who,
        context,
        page,
        async shot(label) {
          const file = join(dir, `${next()}-${slug(who)}-${slug(label)}.png`);
          // Work the page queued for its next frames first (the search results scroll their heading into view on
          // the next animation frame): run after the scroll below, it moved the page under the sticky header while
          // axe measured the filters' touch targets. Then from the top: a full-page shot scrolled down paints the
          // sticky header mid-page.
          await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))').catch(() => undefined);
          await page.evaluate('window.scrollTo(0, 0)').catch(() => undefined);
          await page.screenshot({ path: file, fullPage: true });
          if (label !== 'failure') {
            const violations = await accessibilityViolations(page);
            if (violations.length > 0) throw new Error(`WCAG violations at "${label}" (${page.url()}):\n${violations.join('\n')}`);
          }
          return file;
        },
      };
      actors.push(actor);
      return actor;
    },
    takePageErrors() {
      return pageErrors.splice(0);
    },
    async close() {
      await Promise.all(actors.map((a) => a.context.close().catch(() => undefined)));
      actors.length = 0;
    },
  };
}

/**
 * Hooks for a describe that drives `run()`: on failure, every open page is saved as
 * `<NN>-<actor>-failure.png`; a test whose pages threw an uncaught error fails.
 */
export function watchRun(run: () => BrowserRun | undefined, actors: () => readonly (Actor | undefined)[]): void {
  beforeEach((context) => {
    context.onTestFailed(async () => {
      for (const actor of actors()) {
        if (actor && !actor.page.isClosed()) await actor.shot('failure').catch(() => undefined);
      }
    });
    return () => {
      const errors = run()?.takePageErrors() ?? [];
      if (errors.length > 0) throw new Error(`uncaught errors in the page:\n${errors.join('\n')}`);
    };
  });
}

/**
 * For a describe whose tests are the steps of one run: a step after a failed one is skipped (it cannot mean
 * anything), and watchRun's screenshots and page-error checks apply to every step.
 */
export function stepsOfOneRun(run: () => BrowserRun | undefined, actors: () => readonly (Actor | undefined)[]): void {
  let broken = false;
  beforeEach((context) => {
    if (broken) context.skip();
    context.onTestFailed(() => {
      broken = true;
    });
  });
  watchRun(run, actors);
}

/** Closes the shared browser (afterAll of the last describe in a file). */
export async function closeBrowser(): Promise<void> {
  const browser = await launched?.catch(() => undefined);
  launched = undefined;
  await browser?.close();
}
