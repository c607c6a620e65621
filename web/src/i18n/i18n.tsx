import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { BUSINESS_TIME_ZONE } from './seoul-time.ts';

// Korean by default, English on request. Every user-facing string lives in a message bundle next to the
// screens that use it (`defineMessages(ko, en)`): English must have exactly Korean's shape, so a
// missing translation is a type error. Dates and times are shown in the business calendar (Asia/Seoul).

export type Locale = 'ko' | 'en';
export const LOCALES: readonly Locale[] = ['ko', 'en'];
const LOCALE_KEY = 'carenest.locale';

/** The shape of a bundle with every string literal widened to string (English mirrors Korean). */
export type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

export interface MessageBundle<T> {
  readonly ko: Widen<T>;
  readonly en: Widen<T>;
}

export function defineMessages<const T>(ko: T, en: Widen<T>): MessageBundle<T> {
  return { ko: ko as Widen<T>, en };
}

interface LocaleState {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'ko', setLocale: () => {} });

/** Whether someone picked a language in this browser (it then wins over the account's preferred one). */
export function hasChosenLocale(): boolean {
  try {
    return Boolean(globalThis.localStorage?.getItem(LOCALE_KEY));
  } catch {
    return false;
  }
}

function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_KEY);
    if (stored === 'ko' || stored === 'en') return stored;
  } catch {
    // storage unavailable: default
  }
  return 'ko';
}

export function LocaleProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(fixed ?? initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      globalThis.localStorage?.setItem(LOCALE_KEY, next);
    } catch {
      // not persisted
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** The strings of `bundle` in the current locale. */
export function useMessages<T>(bundle: MessageBundle<T>): Widen<T> {
  return bundle[useContext(LocaleContext).locale];
}

export interface Formatters {
  /** 150,000원 / ₩150,000 */
  krw(amount: number): string;
  number(value: number): string;
  /** 2026년 12월 1일 (화) / Tue, Dec 1, 2026 */
  date(iso: string | Date): string;
  /** 오전 9:00 / 9:00 AM */
  time(iso: string | Date): string;
  dateTime(iso: string | Date): string;
  /** date and time range, the end date omitted when it is the same day */
  range(startIso: string, endIso: string): string;
}

export function formattersFor(locale: Locale): Formatters {
  const tag = locale === 'ko' ? 'ko-KR' : 'en-US';
  const numberFormat = new Intl.NumberFormat(tag);
  const currency = new Intl.NumberFormat(tag, { style: 'currency', currency: 'KRW' });
  const date = new Intl.DateTimeFormat(tag, { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' });
  const time = new Intl.DateTimeFormat(tag, { timeZone: BUSINESS_TIME_ZONE, hour: 'numeric', minute: '2-digit' });
  const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);
  const f: Formatters = {
    krw: (amount) => (locale === 'ko' ? `${numberFormat.format(amount)}원` : currency.format(amount)),
    number: (value) => numberFormat.format(value),
    date: (value) => date.format(toDate(value)),
    time: (value) => time.format(toDate(value)),
    dateTime: (value) => `${date.format(toDate(value))} ${time.format(toDate(value))}`,
    range: (start, end) =>
      dayKey.format(toDate(start)) === dayKey.format(toDate(end))
        ? `${f.dateTime(start)} – ${f.time(end)}`
        : `${f.dateTime(start)} – ${f.dateTime(end)}`,
  };
  return f;
}

export function useFormat(): Formatters {
  const { locale } = useLocale();
  return useMemo(() => formattersFor(locale), [locale]);
}
