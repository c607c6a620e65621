import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { DATA_EXCEPTION_DETAIL } from '../../src/platform/http/problem.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { acceptedBooking, DAY, HOUR, openPayment, sandboxPay, startIn } from '../payments/support.ts';
import { profileInput } from '../caregivers/support.ts';
import { HOSTILE_DATES, HOSTILE_NUMBERS, HOSTILE_STRINGS, LONG_IDS, Sampler, WRONG_TYPES, type JsonSchema } from './samples.ts';
import { allowedRoles, leaves, multipart, operationsOf, PNG, resourceOf, withValue, type Operation, type Role } from './operations.ts';

// Walks every route of the OpenAPI document and sends generated valid requests plus boundary and hostile variants
// (missing/extra fields, wrong types, NUL and control characters, huge and negative numbers, far dates, long ids,
// malformed JSON and multipart) as anonymous, as a role the route is not for, and as a role it is for.
// Fails on any 5xx (but the documented 503 below), on any error answer that is not application/problem+json, and on
// any answer from the database's data-exception safety net (the value should have been refused at validation).
// Deterministic choices (fixed seed); prints the number of requests per status class. Decision 0023.

const SEED = 20261205;

type Actor = 'anonymous' | 'wrong-role' | 'owner';
type Users = Record<Role, TestUser>;

// Routes that end the caller's session or account: they get fresh users, and run last.
const SPOILERS = ['POST /api/v1/auth/logout', 'DELETE /api/v1/users/me', 'POST /api/v1/admin/users/{id}/suspend'];

// The only 5xx the contract promises: no translation provider in embedded mode (API.md).
const EXPECTED_503 = ['POST /api/v1/ai/translations AI_UNAVAILABLE'];

const NUL = 'a\u0000b';

const kst = (at: Date) => `${new Date(at.getTime() + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;

async function approvedProfile(t: TestApp, caregiver: TestUser): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/caregivers', headers: caregiver.auth, payload: profileInput() });
  if (res.statusCode !== 201) throw new Error(`create profile: ${res.statusCode} ${res.body}`);
  const id = (res.json() as { id: string }).id;
  await t.modules.caregivers.useCases.approveProfile(id);
  return id;
}

describe.each(databaseKinds())('every route under generated and hostile input on %s', (kind) => {
  let t: TestApp;
  let users: Users;
  const spare: Users[] = [];
  const ids = new Set<string>();
  const byResource = new Map<string, Set<string>>();
  const remember = (resource: string, id: string) => {
    ids.add(id);
    byResource.set(resource, (byResource.get(resource) ?? new Set()).add(id));
  };
  let known: Record<string, unknown> = {};

  const signupAll = async (): Promise<Users> => ({ GUARDIAN: await t.signup('GUARDIAN'), CAREGIVER: await t.signup('CAREGIVER'), ADMIN: await t.signup('ADMIN') });

  beforeAll(async () => {
    t = await startTestApp({ kind });
    users = await signupAll();
    for (let i = 0; i < SPOILERS.length; i++) spare.push(await signupAll());
    // A small world for the owners: an approved caregiver, an accepted booking with an opened and paid-in-the-widget
    // payment, and a booking still requested. Generated bodies use these values for fields of the same name.
    const caregiver = { caregiver: users.CAREGIVER, caregiverId: (await approvedProfile(t, users.CAREGIVER)) };
    const booking = await acceptedBooking(t, { guardian: users.GUARDIAN, caregiver });
    const requested = await acceptedBooking(t, { guardian: users.GUARDIAN, caregiver, startsIn: 20 * DAY, accept: false });
    const payment = await openPayment(t, booking);
    const paid = await sandboxPay(t, users.GUARDIAN, payment.orderId);
    remember('caregivers', caregiver.caregiverId);
    remember('reservations', booking.reservationId);
    remember('reservations', requested.reservationId);
    remember('payments', payment.id);
    for (const set of [users, ...spare]) for (const user of Object.values(set)) remember('users', user.userId);
    const start = startIn(30 * DAY);
    const profile = profileInput();
    const kstMidnight = (daysAgo: number) => `${new Date(Date.now() + 9 * HOUR - daysAgo * DAY).toISOString().slice(0, 10)}T00:00:00+09:00`;
    known = {
      caregiverId: caregiver.caregiverId,
      reservationId: booking.reservationId,
      orderId: payment.orderId,
      paymentKey: paid.paymentKey,
      amount: payment.amount,
      startAt: kst(start),
      endAt: kst(new Date(start.getTime() + DAY)),
      periodStart: kstMidnight(40),
      periodEnd: kstMidnight(10),
      clientMessageId: 'fuzz-message-0001',
      location: { sido: '서울', sigungu: '강남', address: '테헤란로 1' },
      ...Object.fromEntries(['birthYear', 'careerYears', 'certificates', 'regions', 'serviceTypes', 'hourlyRate', 'dailyRate'].map((k) => [k, profile[k as keyof typeof profile]])),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers every request without a 5xx, and every error as problem+json', { timeout: 600_000 }, async () => {
    const document = t.app.swagger() as unknown as Record<string, unknown>;
    const components = ((document.components as { schemas?: Record<string, JsonSchema> })?.schemas ?? {}) as Record<string, JsonSchema>;
    const access = new Map(t.app.apiRoutes.map((r) => [`${r.method} ${r.url}`, r.access as Operation['access']]));
    const operations = operationsOf(document, access, SPOILERS);
    const sample = new Sampler(SEED, components);
    for (const [name, value] of Object.entries(known)) sample.known.set(name, value);
    const byClass: Record<string, number> = {};
    const failures: string[] = [];
    const succeeded = new Set<string>();
    let sent = 0;
    let address = 0;

    const send = async (op: Operation, actor: Actor, who: TestUser | undefined, label: string, options: Partial<InjectOptions>): Promise<void> => {
      address += 1;
      const request = {
        method: op.method as 'GET',
        remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
        ...options,
        headers: { ...(who ? who.auth : {}), ...(options.headers ?? {}) },
      } as InjectOptions;
      const res = await t.app.inject(request);
      sent += 1;
      const expected503 = res.statusCode === 503 && EXPECTED_503.includes(`${op.method} ${op.path} ${String(res.json<{ code?: string }>()?.code)}`);
      const statusClass = expected503 ? '503 as documented' : `${Math.floor(res.statusCode / 100)}xx`;
      if (res.statusCode < 300) succeeded.add(`${op.method} ${op.path}`);
      if (process.env.FUZZ_VERBOSE && actor === 'owner' && label === 'valid') console.log(`${op.method} ${op.path} -> ${res.statusCode} ${res.body.slice(0, 300)}`);
      byClass[statusClass] = (byClass[statusClass] ?? 0) + 1;
      const type = String(res.headers['content-type'] ?? '');
      const sentBody = request.payload === undefined ? '' : ` body ${JSON.stringify(String(request.payload).slice(0, 160))}`;
      const what = `${actor} ${op.method} ${op.path} [${label}] ${String(request.url).slice(0, 160)}${sentBody} -> ${res.statusCode} ${type} ${res.body.slice(0, 200)}`;
      if (res.statusCode >= 500 && !expected503) failures.push(what);
      else if (res.statusCode >= 400 && !type.startsWith('application/problem+json')) failures.push(what);
      // The database's data-exception safety net answered: validation let the value through.
      else if (res.statusCode === 400 && res.body.includes(DATA_EXCEPTION_DETAIL)) failures.push(`reached the database: ${what}`);
      if (res.statusCode < 300 && type.startsWith('application/json')) {
        try {
          const body = res.json() as { id?: unknown; items?: { id?: unknown }[] };
          const found = [body?.id, ...(Array.isArray(body?.items) ? body.items.slice(0, 3).map((item) => item?.id) : [])];
          for (const id of found.filter((v): v is string => typeof v === 'string')) remember(resourceOf(op.path), id);
        } catch {
          // not an object: nothing to learn
        }
      }
    };

    for (const op of operations) {
      const spoiler = SPOILERS.indexOf(`${op.method} ${op.path}`);
      const roster = spoiler >= 0 ? spare[spoiler]! : users;
      const roles = allowedRoles(op.access);
      const owner = op.access === 'public' ? undefined : roster[sample.pick(roles)];
      const wrong = (['GUARDIAN', 'CAREGIVER', 'ADMIN'] as const).find((r) => !roles.includes(r));
      const pathParams = op.parameters.filter((p) => p.in === 'path');
      const queryParams = op.parameters.filter((p) => p.in === 'query');
      const headerParams = op.parameters.filter((p) => p.in === 'header');
      const isMultipart = op.contentTypes.includes('multipart/form-data');
      const jsonBody = op.body && !isMultipart;

      const url = (params: Record<string, string>, query: Record<string, unknown>): string => {
        let path = op.path;
        for (const p of pathParams) path = path.replace(`{${p.name}}`, encodeURIComponent(params[p.name] ?? sample.uuid()));
        const search = new URLSearchParams();
        for (const [name, value] of Object.entries(query)) {
          for (const v of [value].flat()) if (v !== undefined) search.append(name, typeof v === 'string' ? v : JSON.stringify(v));
        }
        const text = search.toString();
        return text ? `${path}?${text}` : path;
      };
      const validParams = (): Record<string, string> =>
        Object.fromEntries(
          pathParams.map((p, i) => {
            const own = [...(byResource.get(resourceOf(op.path)) ?? [])];
            if (i > 0 || sample.int(0, 3) === 0) return [p.name, sample.uuid()];
            return [p.name, own.length > 0 && sample.int(0, 3) > 0 ? sample.pick(own) : sample.pick([...ids])];
          }),
        );
      const validQuery = (): Record<string, unknown> =>
        Object.fromEntries(queryParams.filter((p) => p.required || sample.int(0, 1) === 0).map((p) => [p.name, sample.valid(p.schema)]));
      const validHeaders = (): Record<string, string> =>
        Object.fromEntries(headerParams.filter((p) => p.required || sample.int(0, 1) === 0).map((p) => [p.name, `fuzz-${sample.uuid()}`]));
      const validBody = (): unknown => (jsonBody ? sample.valid(op.body!) : undefined);
      const request = (options: { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown; raw?: string | Buffer; type?: string; headers?: Record<string, string> }): Partial<InjectOptions> => {
        const headers: Record<string, string> = { ...validHeaders(), ...(options.headers ?? {}) };
        let payload: string | Buffer | undefined;
        if (options.raw !== undefined) payload = options.raw;
        else if (options.body !== undefined) payload = JSON.stringify(options.body);
        if (payload !== undefined) headers['content-type'] = options.type ?? 'application/json';
        return { url: url(options.params ?? validParams(), options.query ?? validQuery()), headers, ...(payload !== undefined ? { payload } : {}) };
      };

      // Outsiders: the check for who may call comes first, whatever they send.
      for (const [actor, who] of [
        ['anonymous', undefined],
        ['wrong-role', wrong ? roster[wrong] : undefined],
      ] as const) {
        if (actor === 'wrong-role' && !wrong) continue;
        if (op.access === 'public' && actor === 'wrong-role') continue;
        await send(op, actor, who, 'valid', request({ body: validBody() }));
        if (jsonBody) await send(op, actor, who, 'malformed json', request({ raw: '{"a":' }));
        await send(op, actor, who, 'nul', request({ body: jsonBody ? withValue({ ...(validBody() as object) }, ['x'], NUL) : undefined, params: Object.fromEntries(pathParams.map((p) => [p.name, NUL])) }));
        if (pathParams.length > 0) await send(op, actor, who, 'long id', request({ params: Object.fromEntries(pathParams.map((p) => [p.name, LONG_IDS[0]!])) }));
      }

      // Someone the route is for (anonymous for public routes).
      const as = (label: string, options: Parameters<typeof request>[0]) => send(op, 'owner', owner, label, request(options));
      for (let i = 0; i < 5; i++) await as('valid', { body: validBody() });

      for (const p of pathParams) {
        const printable = HOSTILE_STRINGS.filter((v) => v.isWellFormed()).map((v) => v.slice(0, 200));
        for (const value of [...LONG_IDS, ...printable, 'not-a-uuid', '%', '-1', '00000000-0000-0000-0000-000000000000']) {
          await as(`param ${p.name}`, { params: { ...validParams(), [p.name]: value }, body: validBody() });
        }
        // Sent as is: a broken percent-encoding and a raw NUL escape.
        for (const raw of ['%zz', '%00', '%C0%80', '%ED%A0%80']) {
          const options = request({ body: validBody() });
          const path = op.path.replace(`{${p.name}}`, raw).replace(/\{\w+\}/g, sample.uuid());
          await send(op, 'owner', owner, `raw param ${p.name}`, { ...options, url: path });
        }
      }

      for (const p of queryParams) {
        const isDate = (sample.resolve(p.schema).format ?? '') === 'date-time';
        const values: unknown[] = [...HOSTILE_STRINGS.map((v) => v.slice(0, 3000)), String(sample.pick(HOSTILE_NUMBERS)), String(sample.pick(HOSTILE_NUMBERS)), [sample.valid(p.schema), sample.valid(p.schema)]];
        if (isDate) values.push(...HOSTILE_DATES);
        else values.push(sample.pick(HOSTILE_DATES), '0000-01-01T00:00:00Z');
        for (const value of values) await as(`query ${p.name}`, { query: { ...validQuery(), [p.name]: value }, body: validBody() });
      }
      for (const p of queryParams) {
        // Sent as is: broken percent-encoding, an encoded NUL, overlong and surrogate UTF-8.
        for (const raw of ['%zz', '%00', '%C0%80', '%ED%A0%80', '%FF']) {
          const options = request({ query: {}, body: validBody() });
          await send(op, 'owner', owner, `raw query ${p.name}`, { ...options, url: `${String(options.url)}?${p.name}=${raw}` });
        }
      }
      await as('query unknown', { query: { ...validQuery(), fuzzUnknown: NUL }, body: validBody() });
      await as('query empty values', { query: Object.fromEntries(queryParams.map((p) => [p.name, ''])), body: validBody() });

      for (const p of headerParams) {
        for (const value of ['x'.repeat(2000), '', ' ', 'é']) await as(`header ${p.name}`, { headers: { [p.name]: value }, body: validBody() });
      }

      if (jsonBody) {
        const base = validBody();
        await as('empty object', { body: {} });
        await as('extra field', { body: { ...(base as object), fuzzExtra: 1 } });
        for (const raw of ['{"a":', 'null', '[]', '"text"', '12', '{"a":"\\u0000"}', '\u0000', '{"__proto__":{"x":1}}', '']) {
          await as(`raw ${JSON.stringify(raw)}`, { raw });
        }
        await as('text/plain', { raw: 'hello', type: 'text/plain' });
        await as('form', { raw: 'a=b', type: 'application/x-www-form-urlencoded' });
        await as('json with nul field', { raw: JSON.stringify(base).replace(/^\{/, '{"\\u0000":1,').replace(',}', '}') });
        for (const path of leaves(base)) {
          const current = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], base);
          const isDate = typeof current === 'string' && /^\d{4}-\d\d-\d\dT/.test(current);
          const values: unknown[] = [sample.pick(WRONG_TYPES), sample.pick(WRONG_TYPES)];
          if (isDate) values.push(NUL, ...HOSTILE_DATES);
          else if (typeof current === 'string') values.push(...HOSTILE_STRINGS, sample.pick(HOSTILE_DATES), sample.pick(HOSTILE_NUMBERS));
          else if (typeof current === 'number') values.push(...HOSTILE_NUMBERS, NUL);
          else values.push(NUL, `x\u0001y\u001f`, sample.pick(HOSTILE_NUMBERS));
          for (const value of values) await as(`body ${path.join('.')}`, { body: withValue(base, path, value) });
        }
      }

      if (op.method !== 'GET' && op.method !== 'DELETE') {
        // Malformed multipart, to every route that takes a body (multipart where it is not accepted is a 415).
        const boundary = `fuzz${sample.int(0, 1e9)}`;
        const file = multipart(boundary, [{ name: 'kind', body: 'PHOTO' }, { name: 'file', filename: 'a.png', type: 'image/png', body: PNG }]);
        await as('multipart without boundary', { raw: file, type: 'multipart/form-data' });
        await as('multipart truncated', { raw: file.subarray(0, file.length - 30), type: `multipart/form-data; boundary=${boundary}` });
        await as('multipart unclosed', { raw: multipart(boundary, [{ name: 'file', filename: 'a.png', body: PNG }], false), type: `multipart/form-data; boundary=${boundary}` });
        await as('multipart garbage', { raw: '--x\r\n\u0000\u0000garbage', type: 'multipart/form-data; boundary=x' });
        if (isMultipart) {
          await as('multipart valid', { raw: file, type: `multipart/form-data; boundary=${boundary}` });
          await as('multipart nul kind', { raw: multipart(boundary, [{ name: 'kind', body: NUL }, { name: 'file', filename: 'a\u0000.png', body: PNG }]), type: `multipart/form-data; boundary=${boundary}` });
          await as('multipart no file', { raw: multipart(boundary, [{ name: 'kind', body: 'PHOTO' }]), type: `multipart/form-data; boundary=${boundary}` });
          await as('multipart empty file', { raw: multipart(boundary, [{ name: 'file', filename: 'a.png', body: '' }]), type: `multipart/form-data; boundary=${boundary}` });
          await as('multipart huge field', { raw: multipart(boundary, [{ name: 'kind', body: 'x'.repeat(5000) }, { name: 'file', filename: 'a.png', body: PNG }]), type: `multipart/form-data; boundary=${boundary}` });
          await as('multipart json body', { body: { kind: 'PHOTO' } });
        }
      }
    }

    const neverOk = operations.filter((op) => !succeeded.has(`${op.method} ${op.path}`));
    const never = neverOk.length;
    if (process.env.FUZZ_VERBOSE) console.log(neverOk.map((op) => `never 2xx: ${op.method} ${op.path}`).join('\n'));
    console.log(
      `[fuzz ${kind}] ${operations.length} operations (${never} never answered 2xx), ${sent} requests: ${JSON.stringify(byClass)}; ${failures.length} failures`,
    );
    expect(failures.slice(0, 40), `${failures.length} failing answers`).toEqual([]);
    expect(byClass['2xx'] ?? 0, 'some generated requests should succeed').toBeGreaterThan(20);
  });
});
