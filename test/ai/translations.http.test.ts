import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { startFakeGemini, type FakeGemini } from '../fakes/gemini-server.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { approvedCaregiver } from '../reservations/http-support.ts';
import { newId } from '../../src/platform/ids.ts';

// POST /ai/translations and GET /reviews/:id/translation through the whole app, with AI_PROVIDER=gemini
// pointed at the local Gemini stand-in (GEMINI_API_URL), and with the default `rules` (no translation).

const KOREAN = '내일 오전 9시에 병원 앞에서 뵙겠습니다.';

describe.each(databaseKinds())('AI translations over HTTP on %s', (kind) => {
  let gemini: FakeGemini;
  let t: TestApp;
  let rules: TestApp;
  let user: TestUser;

  const call = (app: TestApp, method: InjectOptions['method'], url: string, who?: TestUser, payload?: unknown, headers: Record<string, string> = {}) =>
    app.app.inject({ method, url: `/api/v1${url}`, headers: { ...(who ? who.auth : {}), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const translate = (payload: unknown, who: TestUser | undefined = user) => call(t, 'POST', '/ai/translations', who, payload);
  const metric = async (name: string) => {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    return text.split('\n').filter((line) => line.startsWith(name)).join('\n');
  };

  beforeAll(async () => {
    gemini = await startFakeGemini();
    t = await startTestApp({
      kind,
      env: { AI_PROVIDER: 'gemini', GEMINI_API_KEY: gemini.apiKey, GEMINI_API_URL: gemini.url, GEMINI_MODEL: 'gemini-stand-in', AI_TIMEOUT: '300ms', AI_RATE_LIMIT: '4/1m' },
    });
    rules = await startTestApp({ kind });
    user = await t.signup('GUARDIAN');
  });
  afterAll(async () => {
    await t?.close();
    await rules?.close();
    await gemini?.close();
  });
  beforeEach(() => gemini.failNext(0, { kind: 'malformed' }));

  it('translates with Gemini, then answers the same text from the cache without calling it again', async () => {
    const before = gemini.callCount();
    const first = await translate({ text: KOREAN, targetLanguage: 'en' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ text: `translated(English): ${KOREAN}`, sourceLanguage: 'ko', targetLanguage: 'en', provider: 'gemini' });
    expect(gemini.calls.at(-1)).toMatchObject({ model: 'gemini-stand-in', user: KOREAN, json: false });

    const other = await t.signup('CAREGIVER');
    const second = await translate({ text: KOREAN, targetLanguage: 'en' }, other);
    expect(second.json()).toEqual(first.json());
    expect(gemini.callCount()).toBe(before + 1);
    expect(await metric('ai_translation_cache_total')).toMatch(/result="hit"\} [1-9]/);
    expect(await metric('ai_provider_calls_total')).toContain('provider="gemini",operation="translate"');

    // Another target language is another translation.
    expect((await translate({ text: KOREAN, targetLanguage: 'zh' })).json()).toMatchObject({ text: `translated(Simplified Chinese): ${KOREAN}` });
    expect(gemini.callCount()).toBe(before + 2);
  });

  it("answers text already in the target language as is, with provider 'none' and no call", async () => {
    const before = gemini.callCount();
    expect((await translate({ text: KOREAN, targetLanguage: 'ko' })).json()).toEqual({ text: KOREAN, sourceLanguage: 'ko', targetLanguage: 'ko', provider: 'none' });
    expect((await translate({ text: 'Hello there', targetLanguage: 'en', sourceLanguage: 'en' })).json()).toMatchObject({ provider: 'none' });
    expect(gemini.callCount()).toBe(before);
  });

  it('refuses bad input with 400 problem+json, and anonymous callers with 401', async () => {
    const bad = [
      { text: '', targetLanguage: 'en' },
      { text: '   ', targetLanguage: 'en' },
      { text: 'x'.repeat(5001), targetLanguage: 'en' },
      { text: KOREAN, targetLanguage: 'EN' },
      { text: KOREAN, targetLanguage: 'english' },
      { text: KOREAN, targetLanguage: 'en', sourceLanguage: 'kor' },
      { text: KOREAN, targetLanguage: 'en', provider: 'gemini' },
      { targetLanguage: 'en' },
    ];
    for (const payload of bad) {
      const response = await translate(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call(t, 'POST', '/ai/translations', undefined, { text: KOREAN, targetLanguage: 'en' })).statusCode).toBe(401);
  });

  it('limits calls that reach the provider per user: 429 AI_RATE_LIMITED with Retry-After; cache hits stay free', async () => {
    const limited = await t.signup('GUARDIAN');
    for (let i = 1; i <= 4; i++) expect((await translate({ text: `${KOREAN} (${i}번)`, targetLanguage: 'en' }, limited)).statusCode).toBe(200);
    const refused = await translate({ text: `${KOREAN} (5번)`, targetLanguage: 'en' }, limited);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ status: 429, code: 'AI_RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Cached and same-language answers do not reach the provider, so they are not limited.
    expect((await translate({ text: `${KOREAN} (1번)`, targetLanguage: 'en' }, limited)).statusCode).toBe(200);
    expect((await translate({ text: KOREAN, targetLanguage: 'ko' }, limited)).statusCode).toBe(200);
    // Others are not affected.
    expect((await translate({ text: `${KOREAN} (5번)`, targetLanguage: 'en' }, user)).statusCode).toBe(200);
  });

  describe('when Gemini fails', () => {
    // An app of its own: these failures open its circuit, which would fail the other tests.
    let failing: FakeGemini;
    let f: TestApp;
    let reader: TestUser;
    const post = (text: string) => call(f, 'POST', '/ai/translations', reader, { text, targetLanguage: 'vi' });
    const expectUnavailable = (response: Awaited<ReturnType<typeof post>>) => {
      expect(response.statusCode, response.body).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'AI_UNAVAILABLE' });
      expect(response.body).not.toContain(failing.apiKey);
    };

    beforeAll(async () => {
      failing = await startFakeGemini();
      f = await startTestApp({ kind, env: { AI_PROVIDER: 'gemini', GEMINI_API_KEY: failing.apiKey, GEMINI_API_URL: failing.url, AI_TIMEOUT: '300ms' } });
      reader = await f.signup('CAREGIVER');
    });
    afterAll(async () => {
      await f?.close();
      await failing?.close();
    });

    it('answers 503 AI_UNAVAILABLE for malformed output, errors that persist and timeouts, caching nothing', async () => {
      failing.failNext(1, { kind: 'malformed' });
      expectUnavailable(await post(`${KOREAN} 1`));
      expect((await post(`${KOREAN} 1`)).json()).toMatchObject({ provider: 'gemini' });

      failing.failNext(2, { kind: 'status', status: 500 });
      expectUnavailable(await post(`${KOREAN} 2`));
      expect(failing.calls.map((c) => c.outcome)).toEqual(['malformed', 'ok', '500', '500']);
      failing.failNext(2, { kind: 'slow', ms: 1_000 });
      expectUnavailable(await post(`${KOREAN} 3`));
      // Cut off by AI_TIMEOUT; its retry may already meet the circuit, opened by 3 failures of 5 requests.
      expect(failing.callCount()).toBeGreaterThanOrEqual(5);
    });

    it('fails fast once the circuit is open: 503 without calling Gemini', async () => {
      failing.failNext(50, { kind: 'status', status: 503 });
      for (let i = 0; i < 6; i++) expectUnavailable(await post(`${KOREAN} open ${i}`));
      const before = failing.callCount();
      expectUnavailable(await post(`${KOREAN} open again`));
      expect(failing.callCount()).toBe(before);
    });
  });

  it('answers 503 AI_UNAVAILABLE with the rules provider, except for text that needs no translation', async () => {
    const someone = await rules.signup('GUARDIAN');
    const response = await call(rules, 'POST', '/ai/translations', someone, { text: KOREAN, targetLanguage: 'en' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 503, code: 'AI_UNAVAILABLE' });
    expect((await call(rules, 'POST', '/ai/translations', someone, { text: KOREAN, targetLanguage: 'ko' })).json()).toMatchObject({ provider: 'none' });
  });

  describe('GET /reviews/:id/translation', () => {
    async function review(app: TestApp, caregiverId: string, options: { deleted?: boolean } = {}): Promise<{ id: string; guardianId: string }> {
      const id = newId();
      const guardianId = newId();
      const now = new Date();
      await sql`INSERT INTO reviews.reviews (id, reservation_id, caregiver_id, caregiver_user_id, guardian_id, author_name, rating, content, created_at, updated_at, deleted_at)
        VALUES (${id}, ${newId()}, ${caregiverId}, ${'caregiver-user'}, ${guardianId}, ${'김**'}, ${5}, ${KOREAN}, ${now}, ${now}, ${options.deleted ? now : null})`.execute(app.platform.database.db);
      return { id, guardianId };
    }

    it("translates an approved caregiver's review for anyone; 404 for unknown, deleted or hidden reviews", async () => {
      const caregiver = await approvedCaregiver(t);
      const { id } = await review(t, caregiver.caregiverId);
      const anonymous = await call(t, 'GET', `/reviews/${id}/translation?lang=en`);
      expect(anonymous.statusCode, anonymous.body).toBe(200);
      expect(anonymous.json()).toEqual({ text: `translated(English): ${KOREAN}`, sourceLanguage: 'ko', targetLanguage: 'en', provider: 'gemini' });
      expect((await call(t, 'GET', `/reviews/${id}/translation?lang=ko`, user)).json()).toMatchObject({ text: KOREAN, provider: 'none' });

      const deleted = await review(t, caregiver.caregiverId, { deleted: true });
      const hidden = await review(t, newId()); // its caregiver is not public
      for (const missing of [deleted.id, hidden.id, newId(), 'not-a-uuid']) {
        const response = await call(t, 'GET', `/reviews/${missing}/translation?lang=en`);
        expect(response.statusCode, missing).toBe(404);
        expect(response.json()).toMatchObject({ code: 'REVIEW_NOT_FOUND' });
      }
      expect((await call(t, 'GET', `/reviews/${id}/translation`)).statusCode).toBe(400);
      expect((await call(t, 'GET', `/reviews/${id}/translation?lang=English`)).statusCode).toBe(400);
    });

    it('limits anonymous readers per address, and answers 503 with the rules provider', async () => {
      const caregiver = await approvedCaregiver(t);
      const texts = await Promise.all([1, 2, 3, 4, 5].map(() => review(t, caregiver.caregiverId)));
      // Each review has the same content: change it so each needs its own call.
      for (const [i, r] of texts.entries()) {
        await sql`UPDATE reviews.reviews SET content = ${`${KOREAN} 후기 ${i}`} WHERE id = ${r.id}`.execute(t.platform.database.db);
      }
      const from = (ip: string, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/reviews/${id}/translation?lang=vi`, remoteAddress: ip });
      for (const r of texts.slice(0, 4)) expect((await from('203.0.113.7', r.id)).statusCode).toBe(200);
      const refused = await from('203.0.113.7', texts[4]!.id);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
      expect((await from('203.0.113.8', texts[4]!.id)).statusCode).toBe(200);

      const ruled = await approvedCaregiver(rules);
      const { id } = await review(rules, ruled.caregiverId);
      expect((await call(rules, 'GET', `/reviews/${id}/translation?lang=en`)).json()).toMatchObject({ status: 503, code: 'AI_UNAVAILABLE' });
    });
  });
});
