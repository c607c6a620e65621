import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Cache } from '../../src/platform/cache/cache.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { DomainEvent, EventConsumer } from '../../src/platform/events/event.ts';
import { handleOnce } from '../../src/platform/events/inbox.ts';
import type { Actor, Role } from '../../src/platform/access.ts';
import { newId } from '../../src/platform/ids.ts';
import type { CaregiverProfile } from '../../src/modules/caregivers/contract.ts';
import { normaliseRegion } from '../../src/modules/caregivers/domain/regions.ts';
import { createReservationsModule, type ReservationSettings } from '../../src/modules/reservations/index.ts';
import type { CreateReservationInput } from '../../src/modules/reservations/app/create-reservation.ts';
import { openTestDatabase, type TestDatabaseKind } from '../support/database.ts';
import { testPlatform } from '../support/platform.ts';

// Shared by the reservations module tests (use cases on a real database, a stand-in caregivers API).

/** A Tuesday, 09:00 KST. */
export const NOW = '2026-12-01T00:00:00Z';
export const H = 3_600_000;
export const D = 24 * H;
export const at = (ms: number) => new Date(new Date(NOW).getTime() + ms).toISOString();

export const actor = (role: Role, userId = newId()): Actor => ({ userId, role, tokenId: 't', expiresAt: 0 });

export function caregiverProfile(overrides: Partial<CaregiverProfile> = {}): CaregiverProfile {
  return {
    id: newId(),
    userId: newId(),
    displayName: '김영희',
    gender: 'FEMALE',
    birthYear: 1970,
    careerYears: 10,
    introduction: '',
    certificates: [],
    regions: [{ sido: '서울특별시' }],
    serviceTypes: ['HOSPITAL', 'HOME'],
    languages: ['ko'],
    hourlyRate: 15_000,
    dailyRate: 150_000,
    status: 'APPROVED',
    ratingAverage: 0,
    reviewCount: 0,
    ...overrides,
  };
}

/** A booking 2 days ahead (Thursday 09:00-17:00 KST, no surcharges): 8 h x 15,000 = 120,000 KRW. */
export function bookingInput(caregiverId: string, overrides: Partial<CreateReservationInput> = {}): CreateReservationInput {
  return {
    caregiverId,
    serviceType: 'HOSPITAL',
    rateType: 'HOURLY',
    startAt: at(2 * D),
    endAt: at(2 * D + 8 * H),
    location: { sido: '서울', sigungu: '강남', address: '테헤란로 1, 서울병원 701호' },
    patient: { name: '박순자', birthYear: 1940, gender: 'FEMALE', conditions: ['치매 초기', '당뇨'], notes: '오후에 인슐린 투여' },
    requestMessage: '잘 부탁드립니다',
    ...overrides,
  };
}

/** The reservations module alone on a fresh database, with a fixed clock and caregivers from a map. */
export async function openReservationsModule(
  kind: TestDatabaseKind,
  options: { settings?: Partial<ReservationSettings>; cache?: Cache; database?: Database } = {},
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'carenest-reservations-'));
  const database = options.database ?? (await openTestDatabase(kind));
  const clock = fixedClock(NOW);
  const { platform, relayWakes } = testPlatform({ dataDir, database, clock, ...(options.cache ? { cache: options.cache } : {}) });

  const profiles = new Map<string, CaregiverProfile>();
  const module = createReservationsModule(platform, {
    caregivers: { getProfile: async (id) => profiles.get(id), normaliseRegion },
    ...(options.settings ? { settings: options.settings } : {}),
  });
  const db = database.db;
  return {
    platform,
    module,
    useCases: module.useCases,
    api: module.api,
    clock,
    db,
    relayWakes,
    /** An APPROVED caregiver (unless overridden) the module can book. */
    caregiver(overrides: Partial<CaregiverProfile> = {}): CaregiverProfile & { actor: Actor } {
      const profile = caregiverProfile(overrides);
      profiles.set(profile.id, profile);
      return { ...profile, actor: actor('CAREGIVER', profile.userId) };
    },
    consumer(name: string): EventConsumer {
      const found = module.consumers?.find((c) => c.name === name);
      if (!found) throw new Error(`no consumer ${name}`);
      return found;
    },
    /** Delivers one event to a consumer the way the bus does (checked, through the inbox, in a transaction). */
    async deliver(name: string, type: string, payload: unknown, aggregateId = newId()): Promise<void> {
      const event: DomainEvent = { id: newId(), type, aggregateId, occurredAt: clock.now().toISOString(), payload };
      await handleOnce({ database, clock }, this.consumer(name), event);
    },
    /** The payments module's part: payment.confirmed.v1 for the reservation's amount (or `amount`). */
    async pay(r: { id: string; guardianId: string; totalAmount: number }, amount = r.totalAmount, paymentId = newId()): Promise<string> {
      await this.deliver('reservations.payment-confirmed', 'payment.confirmed.v1', {
        paymentId,
        reservationId: r.id,
        guardianId: r.guardianId,
        amount,
        approvedAt: clock.now().toISOString(),
      });
      return paymentId;
    },
    async outbox(): Promise<{ type: string; aggregate_id: string; payload: Record<string, unknown> }[]> {
      const result = await sql<{ type: string; aggregate_id: string; payload: Record<string, unknown> }>`
        SELECT type, aggregate_id, payload FROM platform.outbox ORDER BY seq`.execute(db);
      return result.rows;
    },
    async outboxTypes(): Promise<string[]> {
      return (await this.outbox()).map((e) => e.type);
    },
    async rawRow(id: string): Promise<Record<string, unknown>> {
      const result = await sql<Record<string, unknown>>`SELECT * FROM reservations.reservations WHERE id = ${id}`.execute(db);
      return result.rows[0]!;
    },
    async count(): Promise<number> {
      const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM reservations.reservations`.execute(db);
      return result.rows[0]!.n;
    },
    async close() {
      if (!options.database) await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Harness = Awaited<ReturnType<typeof openReservationsModule>>;

export async function failure(promise: Promise<unknown>): Promise<{ kind: string; code: string; message: string; errors?: unknown }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof Error) || !('code' in error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error as never;
}
