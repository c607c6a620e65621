import { describe, expect, it } from 'vitest';
import { listRegions } from './regions.ts';
import { REGION_CATALOGUE } from './regions.data.ts';
import { SIGUNGU_EN } from './sigungu-en.data.ts';

describe('English region names', () => {
  it('has an official romanisation for every sigungu of the catalogue', () => {
    const missing = REGION_CATALOGUE.flatMap((entry) => entry.sigungu).filter((name) => SIGUNGU_EN[name] === undefined);
    expect(missing).toEqual([]);
  });
  it('lists them beside the Korean names, in the same order', () => {
    const seoul = listRegions().find((r) => r.sido === '서울특별시')!;
    expect(seoul.sidoEn).toBe('Seoul');
    expect(seoul.sigunguEn[seoul.sigungu.indexOf('강남구')]).toBe('Gangnam-gu');
    expect(seoul.sigunguEn[seoul.sigungu.indexOf('종로구')]).toBe('Jongno-gu');
    for (const r of listRegions()) expect(r.sigunguEn).toHaveLength(r.sigungu.length);
  });
  it('writes each as Latin words with the -gu/-gun/-si suffix', () => {
    for (const [ko, en] of Object.entries(SIGUNGU_EN)) {
      expect(en, ko).toMatch(/^[A-Z][a-z]+(?:-[a-z]+)?-(gu|gun|si)$/);
      expect(en.endsWith(`-${{ 구: 'gu', 군: 'gun', 시: 'si' }[ko.at(-1)!]}`), ko).toBe(true);
    }
  });
});
