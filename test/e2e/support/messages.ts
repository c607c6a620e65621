import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// The tests find buttons, fields and headings by the texts the screens show, read from the areas'
// message bundles (web/src/**/messages.ts), so one test runs in Korean and in English and follows
// every wording change. The bundles are loaded at run time: the server's tsconfig does not compile the
// web app's .tsx files. A key that does not exist (a rename) throws instead of matching anything.

export type Locale = 'ko' | 'en';
export type Area = 'common' | 'auth' | 'family' | 'caregiver' | 'admin' | 'chat';
type Arg = string | number;
export type Text = (key: string, ...args: Arg[]) => string;

const WEB_SRC = resolve(import.meta.dirname, '..', '..', '..', 'web', 'src');
const FILES: Record<Area, readonly string[]> = {
  common: [join(WEB_SRC, 'i18n', 'common.ts'), join(WEB_SRC, 'info', 'messages.ts')],
  auth: [join(WEB_SRC, 'auth', 'messages.ts'), join(WEB_SRC, 'auth', 'consent-messages.ts')],
  family: ['messages.ts', 'request-messages.ts', 'booking-messages.ts', 'reservation-messages.ts', 'payment-messages.ts'].map((file) => join(WEB_SRC, 'family', file)),
  caregiver: ['messages.ts', 'earnings-messages.ts'].map((file) => join(WEB_SRC, 'caregiver', file)),
  admin: ['messages.ts', 'settlement-messages.ts', 'people-messages.ts'].map((file) => join(WEB_SRC, 'admin', file)),
  chat: [join(WEB_SRC, 'chat', 'messages.ts')],
};

type Tree = { readonly [key: string]: unknown };

function isBundle(value: unknown): value is { ko: Tree; en: Tree } {
  return typeof value === 'object' && value !== null && 'ko' in value && 'en' in value;
}

function lookUp(tree: unknown, path: readonly string[]): unknown {
  let node = tree;
  for (const part of path) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Tree)[part];
  }
  return node;
}

async function textsOf(area: Area, locale: Locale): Promise<Text> {
  const bundles: Tree[] = [];
  for (const file of FILES[area]) {
    const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
    const found = Object.values(module).filter(isBundle);
    if (found.length === 0) throw new Error(`${file} exports no message bundle`);
    bundles.push(...found.map((b) => b[locale]));
  }
  return (key, ...args) => {
    const path = key.split('.');
    for (const bundle of bundles) {
      const found = lookUp(bundle, path);
      if (typeof found === 'string' && args.length === 0) return found;
      if (typeof found === 'function') return String((found as (...a: Arg[]) => unknown)(...args));
    }
    throw new Error(`no message "${key}"${args.length ? ` taking ${args.length} argument(s)` : ''} in ${area} (${locale})`);
  };
}

export type Messages = Readonly<Record<Area, Text>> & { readonly locale: Locale };

/** The texts of every area in `locale`: `m.family('booking.submit')`, `m.family('card.view', name)`. */
export async function messagesFor(locale: Locale, areas: readonly Area[] = ['common', 'auth', 'family', 'caregiver', 'admin', 'chat']): Promise<Messages> {
  const texts = {} as Record<Area, Text>;
  for (const area of ['common', 'auth', 'family', 'caregiver', 'admin', 'chat'] as const) {
    texts[area] = areas.includes(area)
      ? await textsOf(area, locale)
      : () => {
          throw new Error(`messages of ${area} were not loaded`);
        };
  }
  return { ...texts, locale };
}
