import type { Locator, Page } from 'playwright-core';
import type { Locale, Messages } from './messages.ts';

// Finding things the way a person does: headings, buttons, links and labelled fields by their text.
// Names match exactly, so "로그인" never also finds "로그인하고 예약하기".

export function heading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

export function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

export function link(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('link', { name, exact: true });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The control labelled exactly `label` (a required field's label ends in " *"). */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^\\s*${escape(label)}(\\s*\\*)?\\s*$`));
}

/** The site header (shell): language switch, large text, login/logout. */
export function header(page: Page): Locator {
  return page.getByRole('banner');
}

/** The badge beside the page's h1 (reservation or profile status). */
export function pageBadge(page: Page, text: string): Locator {
  return page.locator('.page-header').getByText(text, { exact: true });
}

/** Waits for the page whose h1 is `name` (screens focus their h1 when they open). */
export async function onPage(page: Page, name: string, timeout?: number): Promise<void> {
  await heading(page, name).waitFor(timeout ? { timeout } : {});
}

/**
 * Opens the header's menu where it is collapsed (phones: the header is one row, brand, bell and 메뉴; the
 * navigation, language, large text and log in/out are in the menu). A no-op on wider screens.
 */
export async function openMenu(page: Page): Promise<void> {
  const toggle = header(page).locator('button[aria-controls="site-menu"]');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** A link of the header's menu (opened first on phones): `menuLink(page, m.common('nav.label'), m.common('nav.chat')).click()`. */
export function menuLink(page: Page, navLabel: string | undefined, name: string): { click(): Promise<void> } {
  return {
    // A navigation still under way (e.g. just after logging in) closes the menu again: open and try until it works.
    async click() {
      const target = link(navLabel ? page.getByRole('navigation', { name: navLabel, exact: true }) : header(page), name);
      const deadline = Date.now() + 15_000;
      for (;;) {
        await openMenu(page);
        try {
          await target.click({ timeout: 1_000 });
          return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      }
    },
  };
}

/** Switches the app's language with the header's language select. */
export async function switchLanguage(page: Page, current: Messages, to: Locale): Promise<void> {
  await openMenu(page);
  await field(header(page), current.common('settings.language')).selectOption(to);
  await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
}

/** Waits until `locator`'s text contains `text` (polls; playwright-core has no auto-retrying expect). */
export async function waitForText(locator: Locator, text: string, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const seen = await locator.innerText().catch(() => '');
    if (seen.includes(text)) return;
    if (Date.now() > until) throw new Error(`waited ${timeout} ms for "${text}"; the element shows "${seen.slice(0, 300)}"`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
