import { defineMessages } from '../i18n/i18n.tsx';

// Nationalities of caregivers working in Korea (ISO 3166-1 alpha-2), as the profile form offers them and cards
// and profiles show them. A code not listed is shown as is.

export const NATIONALITIES = ['KR', 'CN', 'VN', 'PH', 'UZ', 'MN', 'TH', 'KH', 'NP', 'ID', 'MM', 'KZ', 'RU', 'JP', 'US'] as const;

export const nationalityMessages = defineMessages(
  {
    label: '국적 (선택)',
    none: '선택 안 함',
    names: {
      KR: '한국', CN: '중국', VN: '베트남', PH: '필리핀', UZ: '우즈베키스탄', MN: '몽골', TH: '태국', KH: '캄보디아',
      NP: '네팔', ID: '인도네시아', MM: '미얀마', KZ: '카자흐스탄', RU: '러시아', JP: '일본', US: '미국',
    },
  },
  {
    label: 'Nationality (optional)',
    none: 'Not given',
    names: {
      KR: 'Korea', CN: 'China', VN: 'Vietnam', PH: 'Philippines', UZ: 'Uzbekistan', MN: 'Mongolia', TH: 'Thailand', KH: 'Cambodia',
      NP: 'Nepal', ID: 'Indonesia', MM: 'Myanmar', KZ: 'Kazakhstan', RU: 'Russia', JP: 'Japan', US: 'United States',
    },
  },
);

/** The name of a nationality code in the bundle's language (the code itself when unknown). */
export function nationalityName(names: Readonly<Record<string, string>>, code: string): string {
  return names[code] ?? code;
}
