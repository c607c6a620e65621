import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../fakes/gemini-server.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { approvedCaregiver } from '../reservations/http-support.ts';

// POST /ai/caregiver-search through the whole app: the offline rules interpreter (default AI_PROVIDER=rules),
// and Gemini through its local stand-in, falling back to the rules whenever the model's answer is unusable.

const QUERY = '서울 강남에서 치매 어머니 돌봐줄 여성 간병인, 시급 2만원 이하';
const RULES_FILTERS = { sido: '서울특별시', sigungu: '강남구', serviceType: ['DEMENTIA'], gender: 'FEMALE', maxHourlyRate: 20000 };

async function seed(t: TestApp) {
  const match = await approvedCaregiver(t, { serviceTypes: ['DEMENTIA', 'HOSPITAL'], gender: 'FEMALE', hourlyRate: 18_000 });
  await approvedCaregiver(t, { serviceTypes: ['DEMENTIA'], gender: 'MALE' }); // wrong gender
  await approvedCaregiver(t, { serviceTypes: ['HOME'], regions: [{ sido: '부산', sigungu: '해운대' }] }); // elsewhere, other care
  return match.caregiverId;
}

describe.each(databaseKinds())('POST /ai/caregiver-search on %s', (kind) => {
  let rules: TestApp;
  let withGemini: TestApp;
  let gemini: FakeGemini;
  let matchId: string;

  const search = (t: TestApp, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/ai/caregiver-search', payload: payload as object });
  const listed = async (t: TestApp, query: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/caregivers?${query}` })).json().items;

  beforeAll(async () => {
    gemini = await startFakeGemini();
    rules = await startTestApp({ kind });
    withGemini = await startTestApp({
      kind,
      env: { AI_PROVIDER: 'gemini', GEMINI_API_KEY: gemini.apiKey, GEMINI_API_URL: gemini.url, GEMINI_MODEL: 'gemini-stand-in', AI_TIMEOUT: '300ms' },
    });
    matchId = await seed(rules);
    await seed(withGemini);
  });
  afterAll(async () => {
    await rules?.close();
    await withGemini?.close();
    await gemini?.close();
  });
  beforeEach(() => {
    gemini.failNext(0, { kind: 'malformed' });
    // A usable answer unless a test says otherwise, so each fallback below is caused by its own fault.
    gemini.answerWith(() => JSON.stringify({ sido: '부산' }));
  });

  it('reads the request with the rules and answers exactly what GET /caregivers answers for those filters, to anyone', async () => {
    const response = await search(rules, { query: QUERY });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.filters).toEqual(RULES_FILTERS);
    expect(body.interpretedBy).toBe('rules');
    expect(body.explanation).toBe('서울특별시 강남구, 치매 돌봄, 여성, 시급 20,000원 이하 조건으로 찾았습니다.');
    const same = await listed(rules, 'sido=서울특별시&sigungu=강남구&serviceType=DEMENTIA&gender=FEMALE&maxHourlyRate=20000'.replace(/[^\x20-\x7e]+/gu, encodeURIComponent));
    expect(body.items).toEqual(same);
    expect(body.items.map((c: { id: string }) => c.id)).toEqual([matchId]);
    expect(body.items[0].certificates[0].number).toMatch(/\*/u); // the public view: numbers masked
  });

  it('answers in English for an English request, and all caregivers when nothing is recognised', async () => {
    const english = (await search(rules, { query: 'Home care in Haeundae, Busan' })).json();
    expect(english.filters).toEqual({ sido: '부산광역시', sigungu: '해운대구', serviceType: ['HOME'] });
    expect(english.explanation).toBe('Searching for: Haeundae-gu, Busan, care at home.');
    expect(english.items).toHaveLength(1);
    const nothing = (await search(rules, { query: 'hello there' })).json();
    expect(nothing.filters).toEqual({});
    expect(nothing.items).toHaveLength(3);
  });

  it.each([
    ['no query', {}],
    ['an empty query', { query: '' }],
    ['only spaces', { query: '   ' }],
    ['more than 500 characters', { query: '가'.repeat(501) }],
    ['a number', { query: 42 }],
    ['an unknown field', { query: '강남', sort: 'rating' }],
  ])('refuses %s with 400 problem+json', async (_name, payload) => {
    const response = await search(rules, payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });

  it('asks Gemini with the filters schema, checks and normalises its answer', async () => {
    gemini.answerWith(() => JSON.stringify({ sido: '서울', sigungu: '강남', serviceType: ['DEMENTIA', 'DEMENTIA'], gender: 'FEMALE', language: null }));
    const response = await search(withGemini, { query: QUERY });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ interpretedBy: 'gemini', filters: { sido: '서울특별시', sigungu: '강남구', serviceType: ['DEMENTIA'], gender: 'FEMALE' } });
    expect(body.explanation).toContain('서울특별시 강남구');
    expect(body.items).toHaveLength(1);
    const call = gemini.calls.at(-1);
    expect(call).toMatchObject({ model: 'gemini-stand-in', user: QUERY, json: true });
    expect(call?.schema).toMatchObject({ type: 'object', properties: { sido: { type: 'string' }, serviceType: { type: 'array' } } });
  });

  it.each([
    ['a region the catalogue does not know', () => gemini.answerWith(() => JSON.stringify({ sido: 'Atlantis' }))],
    ['a value outside the schema', () => gemini.answerWith(() => JSON.stringify({ serviceType: ['SPA'], minRating: 9 }))],
    ['an unknown field', () => gemini.answerWith(() => JSON.stringify({ sido: '서울', mood: 'happy' }))],
    ['no JSON', () => gemini.answerWith(() => 'Sure! Here are caregivers in Gangnam.')],
    ['malformed output', () => gemini.failNext(3, { kind: 'malformed' })],
    ['HTTP 500', () => gemini.failNext(3, { kind: 'status', status: 500 })],
    ['a timeout', () => gemini.failNext(3, { kind: 'slow', ms: 1500 })],
  ])('answers from the rules when Gemini gives %s', async (_name, arrange) => {
    arrange();
    const response = await search(withGemini, { query: QUERY });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ interpretedBy: 'rules', filters: RULES_FILTERS });
    expect(response.json().items).toHaveLength(1);
  });
});
