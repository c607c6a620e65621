import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.ts';
import { openTestDatabase, databaseKinds } from '../support/database.ts';
import { testPlatform } from '../support/platform.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { AppError } from '../../src/platform/errors.ts';
import { loadSettings } from '../../src/platform/settings.ts';
import { aiSettings } from '../../src/modules/ai/settings.ts';
import { createAiModule } from '../../src/modules/ai/index.ts';

// The translation cache and the provider choice of the AI module, on a real database, with AI_PROVIDER=openai
// pointed at the local chat-completions stand-in: the cache is shared by replicas (two modules on one
// database), expires, is purged, and one call serves readers who ask for the same translation at once.

const TEXT = 'Tôi sẽ đến bệnh viện lúc 9 giờ sáng mai.';
const DAY = 86_400_000;

describe.each(databaseKinds())('AI translation cache on %s', (kind) => {
  let database: Database;
  let dataDir: string;
  let server: FakeOpenAi;
  const clock = fixedClock('2026-11-20T01:00:00Z');

  const replica = () => {
    const { platform } = testPlatform({ dataDir, database, clock });
    const settings = loadSettings(
      { AI_PROVIDER: 'openai', OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: server.apiKey, OPENAI_MODEL: 'local-llm', AI_TRANSLATION_CACHE_TTL: '7d' },
      aiSettings,
    );
    return { platform, module: createAiModule(platform, { settings }) };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'carenest-ai-'));
    database = await openTestDatabase(kind);
    server = await startFakeOpenAi();
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('builds the OpenAI-compatible provider from the settings and tells users where text goes', () => {
    const { module } = replica();
    expect(module.api.translationProvider).toEqual({ name: 'openai', processedIn: expect.stringContaining('127.0.0.1') });
    expect(module.api.detectLanguage(TEXT)).toBe('vi');
  });

  it('shares translations between replicas and keeps no source text', async () => {
    const a = replica().module.api;
    const b = replica().module.api;
    const before = server.callCount();
    const first = await a.translate({ text: TEXT, targetLanguage: 'ko', userId: 'u1' });
    expect(first).toEqual({ text: `translated(Korean): ${TEXT}`, sourceLanguage: 'vi', targetLanguage: 'ko', provider: 'openai' });
    expect(await b.translate({ text: TEXT, targetLanguage: 'ko', userId: 'u2' })).toEqual(first);
    expect(server.callCount()).toBe(before + 1);
    const rows = await sql<{ text_hash: string }>`SELECT text_hash FROM ai.translations`.execute(database.db);
    expect(rows.rows.every((r) => /^[0-9a-f]{64}$/.test(r.text_hash))).toBe(true);
    expect(JSON.stringify(rows.rows)).not.toContain(TEXT);
  });

  it('serves readers asking at once with one provider call', async () => {
    const { api } = replica().module;
    const before = server.callCount();
    const text = `${TEXT} (cùng lúc)`;
    const answers = await Promise.all([1, 2, 3].map((i) => api.translate({ text, targetLanguage: 'zh', userId: `reader-${i}` })));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(server.callCount()).toBe(before + 1);
  });

  it('stops using translations older than AI_TRANSLATION_CACHE_TTL and purges them', async () => {
    const { module } = replica();
    const text = `${TEXT} (cũ)`;
    await module.api.translate({ text, targetLanguage: 'en' });
    const before = server.callCount();
    clock.advance(8 * DAY);
    await module.api.translate({ text, targetLanguage: 'en' }); // expired: asked again, and stored anew
    expect(server.callCount()).toBe(before + 1);
    const remaining = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ai.translations`.execute(database.db)).rows[0]!.n);
    const all = await remaining();
    clock.advance(2 * DAY); // the TTL (7 days) is past for every row but the one just renewed
    expect(module.cachePurge.name).toBe('ai.translation-cache-purge');
    expect(await module.cachePurge.runNow()).toBe(all - 1);
    expect(await remaining()).toBe(1);
  });

  it('throws AI_UNAVAILABLE without a provider, and 400 for text that is not translatable', async () => {
    const { platform } = replica();
    const none = createAiModule(platform, { provider: null }).api;
    expect(none.translationProvider).toBeUndefined();
    await expect(none.translate({ text: TEXT, targetLanguage: 'ko' })).rejects.toMatchObject({ code: 'AI_UNAVAILABLE', kind: 'unavailable' });
    expect(await none.translate({ text: '12:30 :)', targetLanguage: 'ko' })).toMatchObject({ provider: 'none', sourceLanguage: 'und' });
    await expect(none.translate({ text: ' ', targetLanguage: 'ko' })).rejects.toBeInstanceOf(AppError);
    await expect(none.translate({ text: TEXT, targetLanguage: 'KO' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
