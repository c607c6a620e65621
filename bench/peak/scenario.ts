// The peak-time scenario of the load test (docs/performance.md): what one virtual user does, in what
// share, with what think time. Shared by the autocannon run (bench/load-peak.ts) and the CSV files the
// JMeter plan reads (bench/jmeter/plan/carenest-peak.jmx), so both tools drive the same traffic.

/** One step of a visit: the share of all requests it makes, and the think time before it (seconds, real user). */
export interface Step {
  readonly name: string;
  readonly percent: number;
  readonly thinkSeconds: readonly [min: number, max: number];
}

// Shares per 100 requests. A booking is one request in a hundred, followed by its four steps
// (caregiver accepts, payment created, sandbox checkout, confirm): 5 % of requests, 1 % bookings.
export const STEPS: readonly Step[] = [
  { name: 'search', percent: 35, thinkSeconds: [3, 8] },
  { name: 'search next page', percent: 10, thinkSeconds: [2, 5] },
  { name: 'profile', percent: 20, thinkSeconds: [5, 15] },
  { name: 'reviews', percent: 10, thinkSeconds: [3, 10] },
  { name: 'top', percent: 10, thinkSeconds: [1, 3] },
  { name: 'quote', percent: 10, thinkSeconds: [5, 20] },
  { name: 'book', percent: 1, thinkSeconds: [20, 60] },
  { name: 'accept', percent: 1, thinkSeconds: [30, 300] },
  { name: 'pay', percent: 1, thinkSeconds: [10, 30] },
  { name: 'checkout', percent: 1, thinkSeconds: [5, 15] },
  { name: 'confirm', percent: 1, thinkSeconds: [1, 3] },
];

/** One visit cycle of 100 requests, interleaved so the booking flow does not arrive as one burst. */
export function cycle(): string[] {
  const browse = STEPS.filter((s) => s.percent > 1 && s.name !== 'search next page');
  const order: string[] = [];
  const left = new Map(STEPS.map((s) => [s.name, s.percent]));
  const take = (name: string) => {
    if ((left.get(name) ?? 0) <= 0) return;
    order.push(name);
    left.set(name, left.get(name)! - 1);
  };
  for (let round = 0; round < 40; round++) {
    for (const s of browse) {
      take(s.name);
      if (s.name === 'search' && round % 7 < 2) take('search next page');
      if (s.name === 'search' && round % 7 === 6) take('search next page');
    }
    if (round === 20) for (const name of ['book', 'accept', 'pay', 'checkout', 'confirm']) take(name);
  }
  for (const [name, n] of left) for (let i = 0; i < n; i++) order.push(name);
  return order;
}

const SIDO = [
  { sido: '서울', sigungu: ['강남', '송파', '마포', '서초', '노원', '관악'] },
  { sido: '경기', sigungu: ['수원', '성남', '고양', '용인'] },
  { sido: '부산', sigungu: ['해운대', '부산진', '동래'] },
];
const SERVICES = ['HOSPITAL', 'HOME', 'NIGHT', 'LIVE_IN', 'DEMENTIA', 'REHABILITATION', 'COMPANION'];
const SORTS = ['recommended', 'recommended', 'recommended', 'rating', 'reviewCount', 'careerYears', 'hourlyRate', 'dailyRate'];

/**
 * Search query strings as families build them in the web app: a region (mostly with a district), usually a
 * service type, sometimes gender, rating, price or language filters, mostly the default sort; a few free-text
 * searches. Deterministic, so every run and both tools send the same set.
 */
export function searchQueries(count = 120): string[] {
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const area = SIDO[i % SIDO.length]!;
    const p = new URLSearchParams();
    p.set('sido', area.sido);
    if (i % 5 !== 0) p.set('sigungu', area.sigungu[(i * 7) % area.sigungu.length]!);
    if (i % 4 !== 3) p.append('serviceType', SERVICES[(i * 3) % SERVICES.length]!);
    if (i % 9 === 4) p.set('gender', 'FEMALE');
    if (i % 6 === 1) p.set('minRating', '4');
    if (i % 8 === 2) p.set('maxHourlyRate', '18000');
    if (i % 10 === 5) p.set('minCareerYears', '5');
    if (i % 15 === 7) p.set('language', 'zh');
    if (i % 20 === 11) p.set('q', '치매');
    const sort = SORTS[(i * 5) % SORTS.length]!;
    if (sort !== 'recommended') p.set('sort', sort);
    p.set('limit', '20');
    queries.push(p.toString());
  }
  return queries;
}

export const HOUR = 3_600_000;

/** Whole-hour 1-hour slots from two days ahead; slot k of a caregiver never overlaps slot j != k. */
export function slot(k: number, base = Math.ceil((Date.now() + 48 * HOUR) / HOUR) * HOUR): { startAt: string; endAt: string } {
  return { startAt: new Date(base + k * 2 * HOUR).toISOString(), endAt: new Date(base + k * 2 * HOUR + HOUR).toISOString() };
}

/** Quote requests: 4- to 8-hour visits and 1- to 3-day live-in stays, a week or two ahead. */
export function quoteQuery(caregiverId: string, i: number): string {
  const day = Math.ceil((Date.now() + (7 + (i % 7)) * 24 * HOUR) / HOUR) * HOUR;
  const daily = i % 4 === 0;
  const end = day + (daily ? (1 + (i % 3)) * 24 * HOUR : (4 + (i % 5)) * HOUR);
  return new URLSearchParams({ caregiverId, rateType: daily ? 'DAILY' : 'HOURLY', startAt: new Date(day).toISOString(), endAt: new Date(end).toISOString() }).toString();
}

export function bookingBody(caregiverId: string, k: number): Record<string, unknown> {
  return {
    caregiverId, serviceType: 'HOSPITAL', rateType: 'HOURLY', ...slot(k),
    location: { sido: '서울특별시', sigungu: '강남구', address: '테헤란로 1' },
    patient: { name: '부하시험 환자', conditions: ['거동 불편'] },
  };
}
