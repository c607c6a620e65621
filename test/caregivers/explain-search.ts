// Regenerates the EXPLAIN output in docs/caregiver-search.md: 10,000 profiles and their reservations'
// busy slots on PostgreSQL, then the search queries exactly as the repository builds them (same SQL, same
// bound parameters). The slots go in through the busy-slots consumer's own code, from reservation events.
//   npx node test/caregivers/explain-search.ts            (DATABASE_URL defaults to the local server)
import pg from 'pg';
import type { Compilable } from 'kysely';
import { inTransaction, openPostgres } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrator.ts';
import { newId } from '../../src/platform/ids.ts';
import { MIGRATION_SOURCES } from '../../src/modules/migrations.ts';
import { insertProfile, reviewQueueQuery } from '../../src/modules/caregivers/db/caregivers.repo.ts';
import { searchQuery, type SearchPage } from '../../src/modules/caregivers/db/search.repo.ts';
import { busyIntervalsQuery } from '../../src/modules/caregivers/db/busy-slots.repo.ts';
import { applyReservationEvent } from '../../src/modules/caregivers/app/busy-slots-consumer.ts';
import { RESERVATION_EVENTS, type ReservationStatus } from '../../src/modules/reservations/contract.ts';
import type { ProfileStatus, Region, ServiceType } from '../../src/modules/caregivers/contract.ts';
import { regionKeysOf } from '../../src/modules/caregivers/domain/profile.ts';
import { listRegions } from '../../src/modules/caregivers/domain/regions.ts';
import { recommendedScore } from '../../src/modules/caregivers/domain/ranking.ts';
import { searchCriteria, type SearchFilters, type SortName } from '../../src/modules/caregivers/domain/search.ts';
import { random } from './search-fixture.ts';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'carenest_explain_caregivers';
const COUNT = 10_000;

const next = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
// Roughly where people live: Seoul and Gyeonggi hold half the country.
const SIDO_WEIGHTS: [string, number][] = listRegions().map((r) => [r.sido, r.sido === '서울특별시' ? 19 : r.sido === '경기도' ? 26 : r.sido === '부산광역시' ? 6 : 3]);
const SIDO_TOTAL = SIDO_WEIGHTS.reduce((n, [, w]) => n + w, 0);
function pickSido(): string {
  let roll = next() * SIDO_TOTAL;
  for (const [sido, weight] of SIDO_WEIGHTS) if ((roll -= weight) < 0) return sido;
  return '서울특별시';
}
function pickRegions(): Region[] {
  const sido = pickSido();
  const sigungu = listRegions().find((r) => r.sido === sido)!.sigungu;
  if (sigungu.length === 0 || next() < 0.15) return [{ sido }];
  const chosen = new Set<string>();
  const n = 1 + Math.floor(next() * 3);
  while (chosen.size < Math.min(n, sigungu.length)) chosen.add(pick(sigungu));
  return [...chosen].map((s) => ({ sido, sigungu: s }));
}
const SURNAMES = [...'김이박최정강조윤장임한오서신권황안송류홍'];
const GIVEN = ['영희', '미숙', '순자', '정희', '은주', '지현', '수진', '혜경', '옥순', '명자', '철수', '영호', '성민', '동현', '재훈', '광수'];
const PHRASES = ['병원 간병 경험이 많습니다.', '치매 어르신 돌봄 전문입니다.', '야간 돌봄 가능합니다.', '재활 운동 보조를 도와드립니다.',
  '24시간 상주 간병 가능합니다.', '외출과 병원 동행을 돕습니다.', '성실하고 친절하게 모시겠습니다.', '요양원 근무 경력이 있습니다.'];
const SERVICES: ServiceType[] = ['HOSPITAL', 'HOME', 'NIGHT', 'LIVE_IN', 'DEMENTIA', 'REHABILITATION', 'COMPANION'];

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

const url = new URL(ADMIN_URL);
url.pathname = `/${NAME}`;
if (!process.env.KEEP) await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
await admin(`CREATE DATABASE ${NAME}`);
const database = await openPostgres(url.toString(), 2);
await migrate(database, MIGRATION_SOURCES);
const now = new Date('2026-12-01T00:00:00Z');
const approvedIds: string[] = [];
for (let start = 0; start < COUNT; start += 500) {
  await inTransaction(database.db, async (tx) => {
    for (let i = start; i < start + 500; i++) {
      const roll = next();
      const status: ProfileStatus = roll < 0.85 ? 'APPROVED' : roll < 0.95 ? 'PENDING' : roll < 0.99 ? 'REJECTED' : 'SUSPENDED';
      const regions = pickRegions();
      const services = SERVICES.filter(() => next() < 0.35);
      const careerYears = Math.floor(next() * 25);
      const reviewCount = next() < 0.3 ? 0 : Math.floor(next() * 120);
      const ratingAverage = reviewCount === 0 ? 0 : Math.round((3 + next() * 2) * 100) / 100;
      const id = newId();
      if (status === 'APPROVED') approvedIds.push(id);
      await insertProfile(tx, {
        id, user_id: newId(), status,
        display_name: `${pick(SURNAMES)}${pick(GIVEN)}`, gender: next() < 0.8 ? 'FEMALE' : 'MALE',
        birth_year: 1950 + Math.floor(next() * 30), career_years: careerYears,
        introduction: Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(PHRASES)).join(' '),
        certificates: [{ type: 'CARE_WORKER', number: `2020-${i}` }], regions, region_keys: regionKeysOf(regions),
        service_types: services.length > 0 ? services : ['HOME'],
        languages: ['ko', ...['en', 'zh', 'vi', 'ja'].filter((_, k) => next() < [0.1, 0.08, 0.04, 0.03][k]!)],
        hourly_rate: 10_000 + 1_000 * Math.floor(next() * 20), daily_rate: 80_000 + 10_000 * Math.floor(next() * 15),
        rejection_reason: status === 'REJECTED' ? '서류 미비' : null, rating_average: ratingAverage, review_count: reviewCount,
        recommended_score: recommendedScore({ ratingAverage, reviewCount, careerYears }), photo_document_id: null,
        submitted_at: new Date(now.getTime() - i * 60_000), reviewed_at: null, created_at: now, updated_at: now, withdrawn_at: null,
      });
    }
  });
}
// Reservations over the next 90 days: each approved caregiver 0-11 of them, one after another (4 h, 8 h,
// 24 h or a 3-7 day live-in stay), a quarter of them ended (rejected, cancelled, expired: tombstones).
const HOUR = 3_600_000;
const DURATIONS = [4 * HOUR, 8 * HOUR, 8 * HOUR, 24 * HOUR, 72 * HOUR, 168 * HOUR];
const ENDINGS: ReservationStatus[] = ['REJECTED', 'CANCELLED', 'EXPIRED'];
let slotEvents = 0;
for (let start = 0; start < approvedIds.length; start += 200) {
  await inTransaction(database.db, async (tx) => {
    for (const caregiverId of approvedIds.slice(start, start + 200)) {
      let at = now.getTime() + Math.floor(next() * 72) * HOUR;
      for (let n = Math.floor(next() * 12); n > 0; n--) {
        const end = at + pick(DURATIONS);
        if (end > now.getTime() + 90 * 24 * HOUR) break;
        const payload = { reservationId: newId(), caregiverId, guardianId: 'guardian', caregiverUserId: 'caregiver', caregiverName: '김간병', totalAmount: 0, startAt: new Date(at).toISOString(), endAt: new Date(end).toISOString() };
        const statuses: ReservationStatus[] = ['REQUESTED', next() < 0.25 ? pick(ENDINGS) : pick<ReservationStatus>(['ACCEPTED', 'CONFIRMED'])];
        for (const status of statuses) {
          const event = { id: newId(), occurredAt: now.toISOString(), ...RESERVATION_EVENTS.requested.of(payload.reservationId, { ...payload, status }) };
          await applyReservationEvent(tx, event, now);
          slotEvents += 1;
        }
        at = end + Math.floor(1 + next() * 96) * HOUR;
      }
    }
  });
}

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
await client.query('ANALYZE caregivers.profiles');
await client.query('ANALYZE caregivers.busy_slots');
const slotCounts = await client.query('SELECT active, count(*)::int AS n FROM caregivers.busy_slots GROUP BY active ORDER BY active DESC');
console.log(`busy slots from ${slotEvents} events:`, slotCounts.rows.map((r: { active: boolean; n: number }) => `${r.active ? 'active' : 'ended'} ${r.n}`).join(', '));
const counts = await client.query('SELECT status, count(*)::int AS n FROM caregivers.profiles GROUP BY status ORDER BY status');
console.log('rows:', counts.rows.map((r: { status: string; n: number }) => `${r.status} ${r.n}`).join(', '));
console.log(`PostgreSQL ${(await client.query('SHOW server_version')).rows[0].server_version}\n`);

async function explain(title: string, query: Compilable): Promise<void> {
  const compiled = query.compile();
  const plan = await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${compiled.sql}`, compiled.parameters as unknown[]);
  console.log(`### ${title}\n\n\`\`\`\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`);
}

async function explainSearch(title: string, filters: SearchFilters, sort: SortName, after?: SearchPage['after']): Promise<void> {
  const criteria = searchCriteria(filters);
  if (!criteria.ok) throw new Error(JSON.stringify(criteria.errors));
  await explain(title, searchQuery(database.db, { criteria: criteria.value, sort, limit: 20, after }));
}

const second = await client.query(
  `SELECT recommended_score AS v, id FROM caregivers.profiles WHERE status = 'APPROVED' ORDER BY recommended_score DESC, id DESC OFFSET 19 LIMIT 1`,
);
const { v, id } = second.rows[0] as { v: string; id: string };
const exampleCriteria = searchCriteria({ sido: '서울', sigungu: '강남', serviceType: ['HOSPITAL'] });
if (!exampleCriteria.ok) throw new Error('example criteria');
const example = searchQuery(database.db, { criteria: exampleCriteria.value, sort: 'recommended', limit: 20, after: { value: Number(v), id } }).compile();
console.log(`### The SQL (sido+sigungu+serviceType, page 2)\n\n\`\`\`sql\n${example.sql}\n\`\`\`\nparameters: ${JSON.stringify(example.parameters)}\n`);

await explainSearch('1. No filter, sort=recommended (first page)', {}, 'recommended');
await explainSearch('2. No filter, sort=recommended, page 2 (cursor)', {}, 'recommended', { value: Number(v), id });
await explainSearch('3. sido=서울 sigungu=강남, sort=recommended', { sido: '서울', sigungu: '강남' }, 'recommended');
await explainSearch('4. sido=서울 sigungu=강남 serviceType=HOSPITAL serviceType=NIGHT, sort=rating', { sido: '서울', sigungu: '강남', serviceType: ['HOSPITAL', 'NIGHT'] }, 'rating');
await explainSearch('5. sido=제주 (about 3 % of profiles), sort=recommended', { sido: '제주' }, 'recommended');
await explainSearch('5b. sido=경북 sigungu=울릉 (very rare), sort=recommended', { sido: '경북', sigungu: '울릉' }, 'recommended');
await explainSearch('6. language=vi (rare), sort=hourlyRate', { language: 'vi' }, 'hourlyRate');
await explainSearch('7. q=치매 (common words), sort=careerYears', { q: '치매' }, 'careerYears');
await explainSearch('8. q=한영호 (a name: about 1 % of profiles), sort=recommended', { q: '한영호' }, 'recommended');
await explainSearch('9. minRating=4.5 maxHourlyRate=15000 gender=MALE, sort=rating', { minRating: 4.5, maxHourlyRate: 15_000, gender: 'MALE' }, 'rating');
await explainSearch('10. maxDailyRate=100000, sort=dailyRate', { maxDailyRate: 100_000 }, 'dailyRate');
await explainSearch('11. minCareerYears=20, sort=reviewCount', { minCareerYears: 20 }, 'reviewCount');
await explain('12. Admin queue: status=PENDING, oldest first', reviewQueueQuery(database.db, { status: 'PENDING', limit: 20 }));

const day = { availableFrom: '2026-12-15T09:00:00+09:00', availableTo: '2026-12-15T18:00:00+09:00' };
await explainSearch('13. availableFrom/To one working day, sort=recommended', day, 'recommended');
await explainSearch('14. sido=서울 sigungu=강남 serviceType=HOSPITAL, available one working day, sort=rating', { sido: '서울', sigungu: '강남', serviceType: ['HOSPITAL'], ...day }, 'rating');
await explainSearch('15. availableFrom/To over 31 days (most caregivers are busy some time), sort=recommended', { availableFrom: '2026-12-01T00:00:00+09:00', availableTo: '2027-01-01T00:00:00+09:00' }, 'recommended');
const busiest = await client.query(`SELECT caregiver_id FROM caregivers.busy_slots WHERE active GROUP BY caregiver_id ORDER BY count(*) DESC, caregiver_id LIMIT 1`);
await explain('16. GET /caregivers/:id/busy over 92 days (the busiest caregiver)', busyIntervalsQuery(database.db, (busiest.rows[0] as { caregiver_id: string }).caregiver_id, {
  from: new Date('2026-12-01T00:00:00+09:00'), to: new Date('2027-03-03T00:00:00+09:00'),
}));

await client.end();
await database.close();
if (!process.env.KEEP) await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
