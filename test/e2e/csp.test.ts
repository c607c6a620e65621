import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeBrowser, describeInBrowser, openRun, type Actor, type BrowserRun } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';

// The Content-Security-Policies hold in a real browser (issue 12, item 8): Swagger UI works under its own
// policy, and the web app's `connect-src 'self'` lets its WebSocket reach the own origin and nothing else.

/** A page script (the tests compile without DOM types) answering 'open', 'error' or what the constructor threw. */
function openSocket(url: string): string {
  return `new Promise((resolve) => {
    try {
      const socket = new WebSocket(${url});
      socket.onopen = () => { socket.close(); resolve('open'); };
      socket.onerror = () => resolve('error');
    } catch (error) {
      resolve('thrown: ' + error.name);
    }
  })`;
}

describeInBrowser('content security policies (Chromium)', { timeout: 60_000 }, () => {
  let server: E2EServer | undefined;
  let run: BrowserRun | undefined;
  let visitor: Actor | undefined;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startE2EServer();
    run = await openRun('csp', 'desktop', server.baseUrl);
    visitor = await run.actor('visitor');
    visitor.page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await run?.close();
    await closeBrowser();
    await server?.close();
  });

  it('renders Swagger UI at /docs without a CSP violation', async () => {
    violations.length = 0;
    const page = visitor!.page;
    await page.goto('/docs/');
    await expect.poll(() => page.locator('.swagger-ui .info .title').textContent(), { timeout: 15_000 }).toContain('CareNest API');
    await expect.poll(() => page.locator('.opblock').count()).toBeGreaterThan(10);
    expect(violations).toEqual([]);
  });

  it("opens the live WebSocket on the own origin and refuses another host's", async () => {
    violations.length = 0;
    const page = visitor!.page;
    await page.goto('/');
    const own = await page.evaluate(openSocket('`${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/api/v1/ws`'));
    expect(own).toBe('open');
    expect(violations).toEqual([]);
    const foreign = await page.evaluate(openSocket('"ws://127.0.0.2:9/elsewhere"'));
    expect(foreign).not.toBe('open');
    await expect.poll(() => violations.join('\n')).toMatch(/connect-src/);
  });
});
