import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import type { Page } from '../../src/platform/paging.ts';
import type { CaregiverProfile } from '../../src/modules/caregivers/contract.ts';
import { SearchPage } from '../../src/modules/caregivers/http/schemas.ts';
import type { SearchQuery } from '../../src/modules/caregivers/app/search-profiles.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/database.ts';
import { FILES, profileInput } from './support.ts';

// The search answers with bytes made from each profile's remembered JSON (http/search-body.ts, decision 0033).
// They must be exactly what Fastify makes of the same page through the route's response schema, as before.

/** Fastify serialising a page through SearchPage, as the route did before it sent bytes. */
async function referenceSerializer() {
  const reference = Fastify();
  let page: Page<CaregiverProfile> = { items: [], nextCursor: null };
  reference.get('/', { schema: { response: { 200: SearchPage } } }, async () => page);
  await reference.ready();
  return {
    async body(of: Page<CaregiverProfile>) {
      page = of;
      const response = await reference.inject({ method: 'GET', url: '/' });
      return { bytes: response.rawPayload, contentType: response.headers['content-type'] };
    },
    close: () => reference.close(),
  };
}

describe.each(databaseKinds())('search response bytes on %s', (kind) => {
  let t: TestApp;
  let reference: Awaited<ReturnType<typeof referenceSerializer>>;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    reference = await referenceSerializer();
    const { useCases } = t.modules.caregivers;
    const texts = ['따옴표 "인용" 과 역슬래시 \\ 그리고 탭\t', '줄\n바꿈과 이모지 😀, </script>', 'Plain ASCII intro, 10 years.', '간병 경험 많습니다'];
    for (let i = 0; i < 12; i++) {
      const owner = newId();
      const profile = await useCases.createProfile(
        owner,
        profileInput({
          displayName: i % 3 === 0 ? `Kim "K" ${i}` : `김영희${i}`,
          introduction: texts[i % texts.length]!,
          careerYears: i,
          hourlyRate: 10_000 + i * 1_000,
          ...(i % 4 === 1 ? { nationality: 'VN' } : {}),
        }),
      );
      if (i % 5 === 2) await useCases.uploadDocument(owner, { kind: 'PHOTO', content: FILES.png });
      await useCases.approveProfile(profile.id);
    }
  });
  afterAll(async () => {
    await reference?.close();
    await t?.close();
  });

  const queries: SearchQuery[] = [{}, { limit: 5 }, { sort: 'hourlyRate', limit: 3 }, { q: 'kim' }, { q: '없는말' }, { sort: 'careerYears', limit: 100 }];

  it.each(queries)('answers %j with the bytes the response schema gives, fresh and remembered', async (query) => {
    let cursor: string | undefined;
    for (let pages = 0; pages < 6; pages++) {
      const params = new URLSearchParams(Object.entries({ ...query, ...(cursor ? { cursor } : {}) }).map(([k, v]): [string, string] => [k, String(v)]));
      for (const round of ['fresh', 'remembered']) {
        const response = await t.app.inject({ method: 'GET', url: `/api/v1/caregivers?${params}` });
        expect(response.statusCode, response.body).toBe(200);
        const expected = await reference.body(await t.modules.caregivers.useCases.searchProfiles({ ...query, cursor }));
        expect(response.headers['content-type'], round).toBe(expected.contentType);
        expect(response.rawPayload.toString('utf8'), round).toBe(expected.bytes.toString('utf8'));
        expect(response.rawPayload.equals(expected.bytes), round).toBe(true);
      }
      cursor = (JSON.parse((await reference.body(await t.modules.caregivers.useCases.searchProfiles({ ...query, cursor }))).bytes.toString()) as Page<unknown>).nextCursor ?? undefined;
      if (cursor === undefined) return;
    }
  });

  it('shows an edited profile as it is now (its JSON is made again)', async () => {
    const first = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/v1/caregivers?limit=1' })).body) as Page<CaregiverProfile>;
    const profile = first.items[0]!;
    await t.modules.caregivers.useCases.updateMyProfile(profile.userId, { introduction: '새 소개 "바뀜"' });
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/caregivers?limit=1' });
    const expected = await reference.body(await t.modules.caregivers.useCases.searchProfiles({ limit: 1 }));
    expect(again.rawPayload.equals(expected.bytes)).toBe(true);
    expect((JSON.parse(again.body) as Page<CaregiverProfile>).items[0]!.introduction).toBe('새 소개 "바뀜"');
  });
});
