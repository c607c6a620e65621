import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from './browser.ts';
import type { Locale, Messages } from './messages.ts';
import { button, field, menuLink, onPage, switchLanguage } from './ui.ts';

// The people and files of one journey: unique per run, so several runs share one server.

export interface Person {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

export type Role = 'CAREGIVER' | 'GUARDIAN' | 'ADMIN';

export interface JourneyPeople {
  readonly caregiver: Person;
  readonly admin: Person;
  readonly family: Person & { readonly patient: string };
}

export function peopleFor(run: string, locale: Locale): JourneyPeople {
  const tag = `${run}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const n = Math.floor(1000 + Math.random() * 9000);
  const password = 'correct horse battery staple';
  return locale === 'ko'
    ? {
        caregiver: { name: `김하늘 ${n}`, email: `caregiver-${tag}@example.com`, password },
        admin: { name: `관리자 ${n}`, email: `admin-${tag}@example.com`, password },
        family: { name: `이보람 ${n}`, email: `family-${tag}@example.com`, password, patient: `이순자 ${n}` },
      }
    : {
        caregiver: { name: `Grace Kim ${n}`, email: `caregiver-${tag}@example.com`, password },
        admin: { name: `Admin ${n}`, email: `admin-${tag}@example.com`, password },
        family: { name: `Daniel Lee ${n}`, email: `family-${tag}@example.com`, password, patient: `Soonja Lee ${n}` },
      };
}

// A 1x1 PNG: the server checks uploads by content, so it must be a real image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A certificate scan in a temp dir; `remove()` deletes it. */
export async function certificateFile(): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'carenest-e2e-upload-'));
  const path = join(dir, 'certificate.png');
  await writeFile(path, PNG);
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** `minutes` from now as a Seoul wall-clock `datetime-local` value, rounded up to 5 minutes. */
export function seoulInputIn(minutes: number, now = Date.now()): string {
  const step = 5 * 60_000;
  const at = Math.ceil((now + minutes * 60_000) / step) * step;
  return new Date(at + 9 * 3_600_000).toISOString().slice(0, 16);
}

/**
 * Opens the home page, picks `m`'s language in the header (the app starts in Korean), follows the
 * header's sign-up link and signs up; the app then lands on the role's home. (Switching the language on
 * the sign-up page itself would not change the form's own language field: it takes its default when the
 * page opens.)
 */
export async function signUpInUi(actor: Actor, person: Person, role: Role, texts: { ko: Messages; m: Messages; adminSecret: string }): Promise<void> {
  const { page } = actor;
  const { ko, m } = texts;
  await page.goto('/');
  await onPage(page, ko.family('search.title'));
  if (m.locale !== 'ko') await switchLanguage(page, ko, m.locale);
  await menuLink(page, undefined, m.common('nav.signup')).click();
  await onPage(page, m.auth('signup.title'));
  if (role === 'ADMIN') {
    await page.locator('summary').filter({ hasText: m.auth('signup.adminToggle') }).click();
    await page.getByRole('checkbox', { name: m.auth('signup.adminToggle'), exact: true }).check();
    await field(page, m.auth('signup.adminSecret')).fill(texts.adminSecret);
  } else {
    const choice = role === 'CAREGIVER' ? 'signup.roleCaregiver' : 'signup.roleGuardian';
    await page.getByRole('radio', { name: m.auth(choice), exact: true }).check();
  }
  await field(page, m.auth('signup.name')).fill(person.name);
  await field(page, m.auth('signup.email')).fill(person.email);
  await field(page, m.auth('signup.password')).fill(person.password);
  await page.getByRole('checkbox', { name: m.auth('all'), exact: true }).check();
  await actor.shot(`signup-${role.toLowerCase()}`);
  await button(page, m.auth('signup.submit')).click();
}
