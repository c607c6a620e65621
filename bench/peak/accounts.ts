// The load test's people, made through the API of a running CareNest: an admin, a pool of guardians who
// book, and a few caregivers with accounts (their profiles approved) who accept. Tokens come from login.
// Also lists the approved caregivers' ids the visitors look at, and writes everything as CSV for JMeter.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { client } from '../http-client.ts';
import { cycle, quoteQuery, searchQueries, slot } from './scenario.ts';

export interface PeakData {
  readonly caregiverIds: readonly string[];
  readonly guardians: readonly { readonly token: string }[];
  readonly bookables: readonly { readonly caregiverId: string; readonly token: string }[];
}

const PASSWORD = 'load test password 12345';
type Call = ReturnType<typeof client>;

async function account(call: Call, role: string, i: number, adminSecret?: string): Promise<{ token: string }> {
  const email = `load-${role.toLowerCase()}-${i}@load.example.com`;
  const signup = await call('POST', '/api/v1/auth/signup', { email, password: PASSWORD, name: `부하 ${role} ${i}`, role, ...(adminSecret ? { adminSecret } : {}) });
  if (signup.status !== 201 && signup.status !== 409) throw new Error(`signup ${email}: ${signup.status} ${JSON.stringify(signup.body)}`);
  const login = await call('POST', '/api/v1/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status} ${JSON.stringify(login.body)}`);
  return { token: String(login.body.accessToken) };
}

async function bookable(call: Call, adminToken: string, i: number): Promise<{ caregiverId: string; token: string }> {
  const { token } = await account(call, 'CAREGIVER', i);
  let profile = await call('POST', '/api/v1/caregivers', {
    displayName: `부하간병인${i}`, gender: 'FEMALE', birthYear: 1970, careerYears: 10, introduction: '부하 시험용 간병인 프로필입니다.',
    certificates: [{ type: 'CARE_WORKER', number: `L-${i}` }], regions: [{ sido: '서울특별시' }], serviceTypes: ['HOSPITAL'],
    languages: ['ko'], hourlyRate: 15_000, dailyRate: 130_000,
  }, token);
  if (profile.status === 409) profile = await call('GET', '/api/v1/caregivers/me', undefined, token);
  const id = String(profile.body.id);
  if (profile.body.status !== 'APPROVED') {
    const approved = await call('POST', `/api/v1/admin/caregivers/${id}/approve`, {}, adminToken);
    if (approved.status !== 200) throw new Error(`approve ${id}: ${approved.status} ${JSON.stringify(approved.body)}`);
  }
  return { caregiverId: id, token };
}

/** Accounts for the booking steps; `adminSecret` is the server's ADMIN_SIGNUP_SECRET. Idempotent (a second run logs in again). */
export async function prepareAccounts(baseUrl: string, adminSecret: string, counts: { guardians: number; bookables: number }): Promise<Pick<PeakData, 'guardians' | 'bookables'>> {
  const call = client(baseUrl);
  const admin = await account(call, 'ADMIN', 0, adminSecret);
  const bookables = [];
  for (let i = 0; i < counts.bookables; i++) bookables.push(await bookable(call, admin.token, i));
  const guardians = [];
  for (let i = 0; i < counts.guardians; i++) guardians.push(await account(call, 'GUARDIAN', i));
  return { guardians, bookables };
}

/** Up to `max` approved caregivers, as search returns them (the ids families then open). */
export async function listCaregiverIds(baseUrl: string, max: number): Promise<string[]> {
  const call = client(baseUrl);
  const ids: string[] = [];
  for (const sort of ['recommended', 'rating', 'hourlyRate', 'careerYears']) {
    let cursor: string | null = null;
    for (let page = 0; page < 5 && ids.length < max; page++) {
      const res = await call('GET', `/api/v1/caregivers?sort=${sort}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const item of (res.body.items as { id: string }[] | undefined) ?? []) if (!ids.includes(item.id)) ids.push(item.id);
      cursor = (res.body.nextCursor as string | null | undefined) ?? null;
      if (!cursor) break;
    }
  }
  if (ids.length === 0) throw new Error(`no approved caregivers at ${baseUrl}: seed some first (bench/load-peak.ts does)`);
  return ids.slice(0, max);
}

/**
 * The CSV files the JMeter plan reads (one value per line, header first): the step order of one visit cycle,
 * search query strings, caregiver ids, quote queries, guardian tokens and the bookings to make (caregiver,
 * its token, a distinct slot; every 10th repeats the slot before it, as a second family wanting the same time).
 */
export async function writeJmeterCsv(dir: string, data: PeakData, bookings = 3000): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = (name: string, header: string, rows: readonly string[]) => writeFile(join(dir, name), `${[header, ...rows].join('\n')}\n`);
  const b = data.bookables.length;
  // A random first slot, so a second run against the same server mostly finds its slots free.
  const first = Math.floor(Math.random() * 300);
  const bookingRows = Array.from({ length: bookings }, (_, k) => {
    const n = k % 10 === 9 ? k - 1 : k;
    const { caregiverId, token } = data.bookables[n % b]!;
    const { startAt, endAt } = slot(first + Math.floor(n / b));
    return `${caregiverId},${token},${startAt},${endAt}`;
  });
  await Promise.all([
    file('steps.csv', 'step', cycle()),
    file('searches.csv', 'query', searchQueries()),
    file('caregivers.csv', 'caregiverId', [...data.caregiverIds]),
    file('quotes.csv', 'quoteQuery', data.caregiverIds.slice(0, 200).map((id, i) => quoteQuery(id, i))),
    file('guardians.csv', 'guardianToken', data.guardians.map((g) => g.token)),
    file('bookings.csv', 'bookCaregiverId,caregiverToken,startAt,endAt', bookingRows),
  ]);
}
