import { useEffect, useState } from 'react';
import { api, call } from '../api/client.ts';
import type { Json } from '../api/types.ts';
import { defineMessages, useLocale, useMessages } from '../i18n/i18n.tsx';
import { SelectField } from './form.tsx';

// The official region catalogue (17 sido and their sigungu) from GET /caregivers/regions, fetched once
// per page load and shared by every picker.

export type Region = Json<'/api/v1/caregivers/regions', 'get'>['items'][number];

let catalogue: Promise<readonly Region[]> | undefined;

export function loadRegions(): Promise<readonly Region[]> {
  catalogue ??= call(api.GET('/api/v1/caregivers/regions')).then(
    (page) => page.items,
    (error: unknown) => {
      catalogue = undefined; // let the next picker try again
      throw error;
    },
  );
  return catalogue;
}

export function useRegions(): readonly Region[] | undefined {
  const [regions, setRegions] = useState<readonly Region[]>();
  useEffect(() => {
    let current = true;
    loadRegions().then(
      (items) => current && setRegions(items),
      () => current && setRegions([]),
    );
    return () => {
      current = false;
    };
  }, []);
  return regions;
}

const messages = defineMessages(
  { sido: '시·도', sigungu: '시·군·구', any: '전체', choose: '선택하세요', loading: '지역 불러오는 중…' },
  { sido: 'Province / city', sigungu: 'District', any: 'Any', choose: 'Choose', loading: 'Loading regions…' },
);

export interface RegionValue {
  readonly sido: string;
  readonly sigungu: string;
}

/**
 * Two linked selects: sido, then the sigungu of that sido. Empty strings mean "any" (search) or "not
 * chosen" (forms decide with `required`). English shows the sido's English name beside the Korean one.
 */
export function RegionPicker({
  value,
  onChange,
  required,
  sidoError,
  sigunguError,
  namePrefix = '',
}: {
  value: RegionValue;
  onChange(value: RegionValue): void;
  required?: boolean;
  sidoError?: string | undefined;
  sigunguError?: string | undefined;
  namePrefix?: string;
}) {
  const m = useMessages(messages);
  const { locale } = useLocale();
  const regions = useRegions();
  const selected = regions?.find((r) => r.sido === value.sido);
  // In a search the empty choice means "any region"; in a form that needs a region it means "not chosen yet".
  const anyOption = { value: '', label: !regions ? m.loading : required ? m.choose : m.any };
  return (
    <div className="row region-picker">
      <SelectField
        label={m.sido}
        name={`${namePrefix}sido`}
        value={value.sido}
        required={required}
        error={sidoError}
        disabled={!regions}
        onChange={(e) => onChange({ sido: e.target.value, sigungu: '' })}
        options={[anyOption, ...(regions ?? []).map((r) => ({ value: r.sido, label: locale === 'en' ? `${r.sidoEn} (${r.sido})` : r.sido }))]}
      />
      <SelectField
        label={m.sigungu}
        name={`${namePrefix}sigungu`}
        value={value.sigungu}
        error={sigunguError}
        disabled={!selected || selected.sigungu.length === 0}
        onChange={(e) => onChange({ sido: value.sido, sigungu: e.target.value })}
        options={[
          { value: '', label: m.any },
          ...(selected?.sigungu ?? []).map((s, i) => ({ value: s, label: locale === 'en' ? `${englishOf(selected, i) ?? s} (${s})` : s })),
        ]}
      />
    </div>
  );
}

/** A place's name in a language: "서울특별시 강남구" in Korean, "Gangnam-gu, Seoul" in English (catalogue names). */
export function regionName(regions: readonly Region[] | undefined, locale: 'ko' | 'en', sido: string, sigungu?: string): string {
  if (locale === 'ko') return [sido, sigungu].filter(Boolean).join(' ');
  const entry = regions?.find((r) => r.sido === sido);
  const i = sigungu ? (entry?.sigungu.indexOf(sigungu) ?? -1) : -1;
  const district = sigungu ? (englishOf(entry, i) ?? sigungu) : undefined;
  return [district, entry?.sidoEn ?? sido].filter(Boolean).join(', ');
}

/** `regionName` in the UI's language, the catalogue loaded once (Korean names until it arrives). */
export function useRegionName(): (sido: string, sigungu?: string) => string {
  const { locale } = useLocale();
  const regions = useRegions();
  return (sido, sigungu) => regionName(regions, regions ? locale : 'ko', sido, sigungu);
}

/** The English name of a region's i-th sigungu (an older server or a test fixture may not send them). */
function englishOf(region: Region | undefined, i: number): string | undefined {
  const names: readonly string[] | undefined = region?.sigunguEn;
  return i >= 0 ? names?.[i] : undefined;
}
