import { defineMessages } from '../i18n/i18n.tsx';

// The phone filter drawer, its applied-filters summary and the results announcement (issue 13 item 3).

export const searchMessages = defineMessages(
  {
    filters: '검색 조건',
    openFilters: '조건 바꾸기',
    closeFilters: '조건 닫기',
    applied: (list: string) => `적용된 조건: ${list}`,
    noneApplied: '적용된 조건 없음 (전체 간병인)',
    dates: (from: string, to: string) => `${from} ~ ${to}`,
    maxHourly: (amount: string) => `시급 ${amount} 이하`,
    minRating: (n: string) => `평점 ${n}점 이상`,
    all: '전체 간병인',
    count: (scope: string, n: number, more: boolean) => `${scope} ${n}명${more ? ' 이상' : ''}`,
    none: (scope: string) => `${scope} 0명`,
    endBeforeStart: '종료 일시는 시작 일시보다 뒤여야 합니다.',
  },
  {
    filters: 'Search filters',
    openFilters: 'Change filters',
    closeFilters: 'Hide filters',
    applied: (list: string) => `Filters: ${list}`,
    noneApplied: 'No filters (all caregivers)',
    dates: (from: string, to: string) => `${from} to ${to}`,
    maxHourly: (amount: string) => `up to ${amount}/hour`,
    minRating: (n: string) => `rated ${n} or more`,
    all: 'All caregivers',
    count: (scope: string, n: number, more: boolean) => `${scope}: ${more ? 'more than ' : ''}${n} ${n === 1 && !more ? 'caregiver' : 'caregivers'}`,
    none: (scope: string) => `${scope}: no caregivers`,
    endBeforeStart: 'The end must be after the start.',
  },
);
