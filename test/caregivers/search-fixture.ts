import type { ProfileInput } from '../../src/modules/caregivers/app/schemas.ts';
import type { Region, ServiceType } from '../../src/modules/caregivers/contract.ts';
import { normaliseRegion } from '../../src/modules/caregivers/domain/regions.ts';
import { servesRegion } from '../../src/modules/caregivers/domain/profile.ts';
import { SORT_DIRECTION, type SearchFilters, type SortName } from '../../src/modules/caregivers/domain/search.ts';
import type { ReservationStatus } from '../../src/modules/reservations/contract.ts';
import { booking, type Booking } from './reservation-events.ts';
import { profileInput } from './support.ts';

// A seeded population of caregivers and an oracle that says what a search must answer, shared by the
// module test (use cases) and the HTTP test. Deterministic: same seed, same caregivers.

export interface Seeded {
  readonly id: string;
  readonly input: ProfileInput;
  readonly regions: Region[];
  readonly ratingAverage: number;
  readonly reviewCount: number;
  readonly score: number;
  /** Active reservations, as [from, to) in epoch milliseconds. */
  readonly busy?: readonly { readonly from: number; readonly to: number }[];
}

export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const NAMES = ['김영희', '이순자', '박철수', 'Kim Minji', '최정숙', 'Nguyen Thi Lan', '정미경', '강동원', '윤서연', '장수진'];
const INTROS = ['치매 어르신 돌봄 경험이 많습니다', 'Dementia care and night shifts', '재활 보조, 병원 동행', '야간 간병 100% 책임', '친절한 간병'];
const REGION_SETS: Region[][] = [
  [{ sido: '서울' }],
  [{ sido: '서울', sigungu: '강남' }],
  [{ sido: '서울', sigungu: '서초' }, { sido: '경기', sigungu: '성남' }],
  [{ sido: '경기', sigungu: '수원' }],
  [{ sido: '경기' }],
  [{ sido: '부산', sigungu: '해운대' }],
  [{ sido: '세종' }],
];
const SERVICES: ServiceType[] = ['HOSPITAL', 'HOME', 'NIGHT', 'LIVE_IN', 'DEMENTIA', 'REHABILITATION', 'COMPANION'];
export const RATINGS: [number, number][] = [[0, 0], [3.5, 2], [4, 10], [4.5, 3], [4.8, 50], [5, 1], [4.5, 40]];

export function makeInput(next: () => number, i: number): ProfileInput {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const birthYear = 1950 + Math.floor(next() * 45);
  const services = SERVICES.filter(() => next() < 0.4);
  return profileInput({
    displayName: `${pick(NAMES)}${i}`,
    gender: next() < 0.7 ? 'FEMALE' : 'MALE',
    birthYear,
    careerYears: Math.floor(next() * Math.min(25, 2026 - birthYear - 18)),
    introduction: pick(INTROS),
    regions: pick(REGION_SETS),
    serviceTypes: services.length > 0 ? services : ['HOME'],
    languages: ['ko', ...(next() < 0.3 ? ['en'] : []), ...(next() < 0.2 ? ['vi'] : [])],
    hourlyRate: pick([12_000, 15_000, 15_000, 18_000, 20_000, 25_000]),
    dailyRate: pick([100_000, 130_000, 150_000, 150_000, 180_000]),
  });
}

export function matches(s: Seeded, f: SearchFilters): boolean {
  const { input } = s;
  if (f.sido !== undefined) {
    const region = normaliseRegion({ sido: f.sido, sigungu: f.sigungu ?? null });
    if (!region.ok || !servesRegion(s.regions, region.value)) return false;
  }
  if (f.serviceType && !f.serviceType.every((t) => input.serviceTypes.includes(t))) return false;
  if (f.gender !== undefined && input.gender !== f.gender) return false;
  if (f.minCareerYears !== undefined && input.careerYears < f.minCareerYears) return false;
  if (f.minRating !== undefined && s.ratingAverage < f.minRating) return false;
  if (f.maxHourlyRate !== undefined && input.hourlyRate > f.maxHourlyRate) return false;
  if (f.maxDailyRate !== undefined && input.dailyRate > f.maxDailyRate) return false;
  if (f.language !== undefined && !input.languages.includes(f.language)) return false;
  if (f.q !== undefined && !`${input.displayName} ${input.introduction}`.toLowerCase().includes(f.q.trim().toLowerCase())) return false;
  if (f.availableFrom !== undefined && f.availableTo !== undefined) {
    const [from, to] = [Date.parse(f.availableFrom), Date.parse(f.availableTo)];
    if ((s.busy ?? []).some((b) => b.from < to && from < b.to)) return false;
  }
  return true;
}

const sortValue = (s: Seeded, sort: SortName): number =>
  ({
    recommended: s.score,
    rating: s.ratingAverage,
    reviewCount: s.reviewCount,
    careerYears: s.input.careerYears,
    hourlyRate: s.input.hourlyRate,
    dailyRate: s.input.dailyRate,
  })[sort];

export function expected(all: readonly Seeded[], f: SearchFilters, sort: SortName): string[] {
  const sign = SORT_DIRECTION[sort] === 'asc' ? 1 : -1;
  return all
    .filter((s) => matches(s, f))
    .sort((a, b) => sign * (sortValue(a, sort) - sortValue(b, sort) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    .map((s) => s.id);
}

// Time blocks a seeded caregiver may be booked in; they do not overlap, and the first two are back to back.
const BLOCKS: [string, string][] = [
  ['2026-12-10T09:00:00+09:00', '2026-12-10T13:00:00+09:00'],
  ['2026-12-10T13:00:00+09:00', '2026-12-10T18:00:00+09:00'],
  ['2026-12-11T00:00:00+09:00', '2026-12-12T00:00:00+09:00'],
  ['2026-12-12T22:00:00+09:00', '2026-12-13T06:00:00+09:00'],
];
const FINAL_STATUSES: ReservationStatus[] = ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS', 'CANCELLED', 'REJECTED', 'EXPIRED', 'COMPLETED'];

export interface SeededBooking {
  readonly booking: Booking;
  /** Statuses in the order they happened: REQUESTED, then the final one if it differs. */
  readonly history: readonly ReservationStatus[];
}

/** A caregiver's reservations in some of the blocks, each ending in a random status. */
export function makeBookings(next: () => number, caregiverId: string): SeededBooking[] {
  return BLOCKS.filter(() => next() < 0.4).map(([startAt, endAt]) => {
    const final = FINAL_STATUSES[Math.floor(next() * FINAL_STATUSES.length)]!;
    return { booking: booking(caregiverId, startAt, endAt), history: final === 'REQUESTED' ? ['REQUESTED'] : ['REQUESTED', final] };
  });
}

const ACTIVE = new Set<ReservationStatus>(['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS']);

/** What the oracle needs: the intervals of the bookings that are still active. */
export function busyOf(bookings: readonly SeededBooking[]): { from: number; to: number }[] {
  return bookings
    .filter((b) => ACTIVE.has(b.history.at(-1)!))
    .map((b) => ({ from: Date.parse(b.booking.startAt), to: Date.parse(b.booking.endAt) }));
}

export const FILTERS: SearchFilters[] = [
  {},
  { sido: '서울' },
  { sido: '서울특별시', sigungu: '강남구' },
  { sido: '서울', sigungu: '서초' },
  { sido: '경기', sigungu: '수원' },
  { sido: '경기', sigungu: '성남' },
  { sido: '세종' },
  { sido: '부산', sigungu: '해운대' },
  { sido: '제주' },
  { serviceType: ['HOSPITAL'] },
  { serviceType: ['HOSPITAL', 'NIGHT'] },
  { gender: 'MALE' },
  { minCareerYears: 8 },
  { minRating: 4.5 },
  { maxHourlyRate: 15_000 },
  { maxDailyRate: 130_000 },
  { language: 'en' },
  { q: '치매' },
  { q: 'DEMENTIA' },
  { q: '100%' },
  { q: '%' },
  { q: '김영' },
  { availableFrom: '2026-12-10T10:00:00+09:00', availableTo: '2026-12-10T11:00:00+09:00' },
  // Starts where the first block ends: only the second block's bookings count.
  { availableFrom: '2026-12-10T13:00:00+09:00', availableTo: '2026-12-10T18:00:00+09:00' },
  { availableFrom: '2026-12-11T23:59:59+09:00', availableTo: '2026-12-12T22:00:01+09:00' },
  { availableFrom: '2026-12-01T00:00:00Z', availableTo: '2027-01-01T00:00:00Z' },
  { sido: '서울', availableFrom: '2026-12-10T03:00:00Z', availableTo: '2026-12-10T05:00:00Z' },
  { sido: '서울', serviceType: ['HOME'], minRating: 4, maxHourlyRate: 20_000, gender: 'FEMALE' },
];

