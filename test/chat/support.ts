import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, Role } from '../../src/platform/access.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { inTransaction } from '../../src/platform/db/database.ts';
import type { DomainEvent } from '../../src/platform/events/event.ts';
import { newId } from '../../src/platform/ids.ts';
import { localRealtimeOf } from '../../src/platform/realtime/local-realtime.ts';
import type { ServerFrame } from '../../src/platform/realtime/frames.ts';
import type { AiApi, Translation } from '../../src/modules/ai/contract.ts';
import type { CaregiverProfile } from '../../src/modules/caregivers/contract.ts';
import type { UserSummary } from '../../src/modules/identity/contract.ts';
import { createChatModule } from '../../src/modules/chat/index.ts';
import { openTestDatabase, type TestDatabaseKind } from '../support/database.ts';
import { noEmit, testPlatform } from '../support/platform.ts';
import { caregiverProfile } from '../reservations/support.ts';

// The chat module alone on a real database: stand-ins for the identity and caregivers contracts, and a
// small AiApi stand-in (script-based detection, a translator that records its calls).

export const NOW = '2026-12-01T00:00:00Z';
export const actor = (role: Role, userId = newId()): Actor => ({ userId, role, tokenId: 't', expiresAt: 0 });

export function standInAi(withProvider: boolean) {
  const calls: { text: string; targetLanguage: string; userId?: string | undefined }[] = [];
  const ai: AiApi = {
    translationProvider: withProvider ? { name: 'stand-in', processedIn: 'this test (Korea)' } : undefined,
    detectLanguage: (text) => (/[가-힣]/.test(text) ? 'ko' : /\p{Script=Han}/u.test(text) ? 'zh' : 'en'),
    async translate(input): Promise<Translation> {
      calls.push({ text: input.text, targetLanguage: input.targetLanguage, userId: input.userId });
      return { text: `[${input.targetLanguage}] ${input.text}`, sourceLanguage: input.sourceLanguage ?? 'ko', targetLanguage: input.targetLanguage, provider: 'stand-in' };
    },
  };
  return { ai, calls };
}

export async function openChatModule(kind: TestDatabaseKind, options: { provider?: boolean } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'carenest-chat-'));
  const database = await openTestDatabase(kind);
  const clock = fixedClock(NOW);
  const { platform } = testPlatform({ dataDir, database, clock });
  const users = new Map<string, UserSummary>();
  const profiles = new Map<string, CaregiverProfile>();
  const { ai, calls } = standInAi(options.provider ?? true);
  const chat = createChatModule(platform, {
    identity: { findUsers: async (ids) => ids.flatMap((id) => (users.has(id) ? [users.get(id)!] : [])) },
    caregivers: { findApprovedProfiles: async (ids) => ids.flatMap((id) => (profiles.get(id)?.status === 'APPROVED' ? [profiles.get(id)!] : [])) },
    ai,
  });
  const hub = localRealtimeOf(platform.realtime)!;

  function user(role: Role, preferredLanguage = 'ko', name = `${role} ${users.size + 1}`): Actor {
    const a = actor(role);
    users.set(a.userId, { id: a.userId, name, role, preferredLanguage, status: 'ACTIVE', slackUserId: null });
    return a;
  }
  function caregiver(preferredLanguage = 'zh', status: CaregiverProfile['status'] = 'APPROVED'): Actor & { caregiverId: string } {
    const a = user('CAREGIVER', preferredLanguage, '王芳');
    const profile = caregiverProfile({ id: newId(), userId: a.userId, displayName: '王芳', status });
    profiles.set(profile.id, profile);
    return { ...a, caregiverId: profile.id };
  }
  /** Frames published to `userId`, as a socket of theirs would receive them. */
  function listen(userId: string): ServerFrame[] {
    const frames: ServerFrame[] = [];
    hub.subscribe(userId, false, (frame) => frames.push(frame));
    return frames;
  }
  /** The chat.message_sent.v1 events written to the outbox so far, oldest first. */
  async function sentEvents(): Promise<DomainEvent[]> {
    const rows = await database.db.selectFrom('platform.outbox').selectAll().where('type', '=', 'chat.message_sent.v1').orderBy('seq').execute();
    return rows.map((row: Record<string, unknown>) => ({
      id: String(row.id),
      type: String(row.type),
      aggregateId: String(row.aggregate_id),
      occurredAt: new Date(row.occurred_at as Date).toISOString(),
      payload: row.payload,
    }));
  }
  async function consume(name: string, event: DomainEvent): Promise<void> {
    const consumer = chat.consumers?.find((c) => c.name === name);
    if (!consumer) throw new Error(`no consumer ${name}`);
    await inTransaction(database.db, (tx) => consumer.handle(event, tx, noEmit));
  }
  return {
    chat,
    useCases: chat.useCases,
    platform,
    db: database.db,
    clock,
    users,
    calls,
    user,
    caregiver,
    listen,
    sentEvents,
    consume,
    async close() {
      await chat.translations.stop();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type ChatHarness = Awaited<ReturnType<typeof openChatModule>>;

export async function failure(promise: Promise<unknown>): Promise<{ kind: string; code: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { kind?: string; code?: string };
    return { kind: e.kind ?? 'unknown', code: e.code ?? String(error) };
  }
  throw new Error('expected a failure');
}
