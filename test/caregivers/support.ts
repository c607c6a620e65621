import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { Executor } from '../../src/platform/db/database.ts';
import type { Actor } from '../../src/platform/access.ts';
import { createCaregiversModule } from '../../src/modules/caregivers/index.ts';
import type { ProfileInput } from '../../src/modules/caregivers/app/schemas.ts';
import { openTestDatabase, type TestDatabaseKind } from '../support/database.ts';
import { testPlatform } from '../support/platform.ts';

// Shared by the caregivers module tests (use cases on a real database) and the HTTP tests.

export const NOW = '2026-12-01T00:00:00Z';

export function profileInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    displayName: '김영희',
    gender: 'FEMALE',
    birthYear: 1970,
    careerYears: 10,
    introduction: '병원 간병 10년 경력의 요양보호사입니다.',
    certificates: [{ type: 'CARE_WORKER', number: '2019-123456', issuedOn: '2019-05-01' }],
    regions: [{ sido: '서울', sigungu: '강남' }],
    serviceTypes: ['HOSPITAL'],
    languages: ['ko'],
    hourlyRate: 15_000,
    dailyRate: 150_000,
    ...overrides,
  };
}

export const FILES = {
  pdf: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x40, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(52, 3)]),
  text: Buffer.from('this is plain text pretending to be a PDF'),
};

export const adminActor = (userId = newId()): Actor => ({ userId, role: 'ADMIN', tokenId: 't', expiresAt: 0 });
export const caregiverActor = (userId: string): Actor => ({ userId, role: 'CAREGIVER', tokenId: 't', expiresAt: 0 });

/** The caregivers module alone on a fresh database, with a fixed clock and storage in a temp dir. */
export async function openCaregiversModule(kind: TestDatabaseKind) {
  const dataDir = await mkdtemp(join(tmpdir(), 'carenest-caregivers-'));
  const database: Database = await openTestDatabase(kind);
  const clock = fixedClock(NOW);
  const { platform, relayWakes } = testPlatform({ dataDir, database, clock });

  const module = createCaregiversModule(platform);
  return {
    platform,
    module,
    useCases: module.useCases,
    clock,
    db: database.db,
    relayWakes,
    async outbox(): Promise<{ type: string; aggregate_id: string; payload: Record<string, unknown> }[]> {
      const result = await sql<{ type: string; aggregate_id: string; payload: Record<string, unknown> }>`
        SELECT type, aggregate_id, payload FROM platform.outbox ORDER BY seq`.execute(database.db);
      return result.rows;
    },
    async audit(): Promise<{ action: string; resource_id: string; actor_id: string | null; details: Record<string, unknown> }[]> {
      const result = await sql<{ action: string; resource_id: string; actor_id: string | null; details: Record<string, unknown> }>`
        SELECT action, resource_id, actor_id, details FROM platform.audit_log ORDER BY id`.execute(database.db);
      return result.rows;
    },
    async close() {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Stands in for the review events of a later issue: sets rating, count and the score they imply. */
export async function setRating(db: Executor, caregiverId: string, ratingAverage: number, reviewCount: number, score: number): Promise<void> {
  await sql`UPDATE caregivers.profiles SET rating_average = ${ratingAverage}, review_count = ${reviewCount},
    recommended_score = ${score} WHERE id = ${caregiverId}`.execute(db);
}

export type Part =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly filename: string; readonly contentType: string; readonly content: Buffer };

/** A multipart/form-data body for app.inject, parts in the order given. */
export function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----carenest${newId().replaceAll('-', '')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
            `Content-Type: ${part.contentType}\r\n\r\n`,
        ),
        part.content,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
