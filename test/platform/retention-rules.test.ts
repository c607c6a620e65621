import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { AnyDb } from '../../src/platform/db/database.ts';
import { RETENTION_ERASED_NAME } from '../../src/modules/reservations/db/retention.repo.ts';
import { databaseKinds } from '../support/database.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// Every module's retention rules through the app's own retention worker (as start-up wires it), on PGlite
// and PostgreSQL: rows are written aged, the clock moves past each period, one run applies the policy.

const DAY = 86_400_000;
const NOW = new Date('2032-06-01T00:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

async function one<T>(db: AnyDb, query: ReturnType<typeof sql<T>>): Promise<T | undefined> {
  return (await query.execute(db)).rows[0];
}

describe.each(databaseKinds())('retention rules of the modules (%s)', (kind) => {
  let t: TestApp;
  let db: AnyDb;
  const clock = fixedClock(NOW);
  beforeAll(async () => {
    t = await startTestApp({ kind, clock });
    db = t.platform.database.db;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('wires one retention worker with every module rule', async () => {
    const run = await t.modules.retention.runNow();
    expect(run.ran).toBe(true);
    expect(Object.keys(run.pruned)).toEqual(
      expect.arrayContaining([
        'platform.outbox',
        'identity.refresh_tokens',
        'caregivers.busy_slots',
        'reservations.reservations (patient health)',
        'reservations.reservations (contract record)',
        'payments.payments',
        'notifications.notifications (read)',
        'notifications.notifications (unread)',
      ]),
    );
  });

  it('identity: deletes refresh tokens a day after they expired', async () => {
    const userId = randomUUID();
    await sql`INSERT INTO identity.users (id, email, password_hash, name, role, created_at, updated_at)
              VALUES (${userId}, ${`${userId}@example.com`}, 'x', '김철수', 'GUARDIAN', ${ago(100)}, ${ago(100)})`.execute(db);
    const expired = randomUUID();
    const live = randomUUID();
    const justExpired = randomUUID();
    for (const [id, expiresAt] of [[expired, ago(3)], [live, ago(-10)], [justExpired, new Date(NOW.getTime() - 3_600_000)]] as const) {
      await sql`INSERT INTO identity.refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
                VALUES (${id}, ${randomUUID()}, ${userId}, ${randomUUID()}, ${ago(20)}, ${expiresAt})`.execute(db);
    }
    const run = await t.modules.retention.runNow();
    expect(run.pruned['identity.refresh_tokens']).toBe(1);
    const left = (await sql<{ id: string }>`SELECT id FROM identity.refresh_tokens WHERE user_id = ${userId}`.execute(db)).rows.map((r) => r.id);
    expect(left.sort()).toEqual([live, justExpired].sort());
  });

  it('caregivers: deletes busy-slot tombstones after their period, never an active slot', async () => {
    const caregiverId = randomUUID();
    const slot = async (active: boolean, updatedAt: Date) => {
      const id = randomUUID();
      await sql`INSERT INTO caregivers.busy_slots (reservation_id, caregiver_id, during, status, active, event_at, updated_at)
                VALUES (${id}, ${caregiverId}, tstzrange(${ago(400)}, ${ago(399)}, '[)'), ${active ? 'CONFIRMED' : 'CANCELLED'}, ${active}, ${updatedAt}, ${updatedAt})`.execute(db);
      return id;
    };
    await slot(false, ago(61));
    const recentTombstone = await slot(false, ago(10));
    const activeOld = await slot(true, ago(400));
    const run = await t.modules.retention.runNow();
    expect(run.pruned['caregivers.busy_slots']).toBe(1);
    const left = (await sql<{ id: string }>`SELECT reservation_id AS id FROM caregivers.busy_slots WHERE caregiver_id = ${caregiverId}`.execute(db)).rows;
    expect(left.map((r) => r.id).sort()).toEqual([recentTombstone, activeOld].sort());
  });

  it('notifications: read ones after 90 days, unread ones after a year, ended Slack deliveries after 30 days', async () => {
    const userId = randomUUID();
    const note = async (createdAt: Date, readAt: Date | null) => {
      const id = randomUUID();
      await sql`INSERT INTO notifications.notifications (id, user_id, type, data, event_id, read_at, created_at)
                VALUES (${id}, ${userId}, 'RESERVATION_CONFIRMED', '{}'::jsonb, ${randomUUID()}, ${readAt}, ${createdAt})`.execute(db);
      return id;
    };
    await note(ago(200), ago(91));
    const readRecently = await note(ago(200), ago(30));
    const unreadYoung = await note(ago(200), null);
    await note(ago(366), null);
    const delivery = async (status: string, updatedAt: Date) =>
      sql`INSERT INTO notifications.slack_deliveries (id, notification_id, user_id, status, next_attempt_at, created_at, updated_at)
          VALUES (${randomUUID()}, ${randomUUID()}, ${userId}, ${status}, ${updatedAt}, ${updatedAt}, ${updatedAt})`.execute(db);
    await delivery('SENT', ago(31));
    await delivery('PENDING', ago(400));
    const run = await t.modules.retention.runNow();
    expect(run.pruned['notifications.notifications (read)']).toBe(1);
    expect(run.pruned['notifications.notifications (unread)']).toBe(1);
    expect(run.pruned['notifications.slack_deliveries']).toBe(1);
    const left = (await sql<{ id: string }>`SELECT id FROM notifications.notifications WHERE user_id = ${userId}`.execute(db)).rows.map((r) => r.id);
    expect(left.sort()).toEqual([readRecently, unreadYoung].sort());
    expect((await one(db, sql<{ status: string }>`SELECT status FROM notifications.slack_deliveries WHERE user_id = ${userId}`))?.status).toBe('PENDING');
  });

  it('reservations: destroys health details 90 days after the end, the other personal fields after 5 years', async () => {
    const reservation = async (status: string, endedAt: Date | null) => {
      const id = randomUUID();
      const start = endedAt ?? ago(-10);
      await sql`INSERT INTO reservations.reservations (id, guardian_id, caregiver_id, caregiver_user_id, caregiver_name, status, rate_type,
                  service_type, start_at, end_at, location, patient_name, patient_birth_year, patient_gender, patient_health_encrypted,
                  request_message, quote, total_amount, ended_at, created_at, updated_at)
                VALUES (${id}, ${randomUUID()}, ${randomUUID()}, ${randomUUID()}, '이간병', ${status}, 'DAILY', 'HOSPITAL',
                  ${new Date(start.getTime() - DAY)}, ${start}, ${JSON.stringify({ sido: '서울특별시', address: '테헤란로 1' })}::jsonb,
                  '박환자', 1940, 'FEMALE', 'ciphertext', '당뇨가 있어요', '{}'::jsonb, 150000, ${endedAt}, ${ago(2000)}, ${ago(2000)})`.execute(db);
      return id;
    };
    const recent = await reservation('COMPLETED', ago(30));
    const past = await reservation('COMPLETED', ago(91));
    const ancient = await reservation('CANCELLED', ago(5 * 365 + 1));
    const open = await reservation('CONFIRMED', null);
    const run = await t.modules.retention.runNow();
    expect(run.pruned['reservations.reservations (patient health)']).toBe(2);
    expect(run.pruned['reservations.reservations (contract record)']).toBe(1);
    type Row = { id: string; health: string | null; message: string | null; name: string; year: number | null; address: string; amount: number; erased: Date | null };
    const rows = (
      await sql<Row>`SELECT id, patient_health_encrypted AS health, request_message AS message, patient_name AS name,
                            patient_birth_year AS year, location->>'address' AS address, total_amount AS amount,
                            personal_data_erased_at AS erased
                       FROM reservations.reservations WHERE id IN (${recent}, ${past}, ${ancient}, ${open})`.execute(db)
    ).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(recent)).toMatchObject({ health: 'ciphertext', message: '당뇨가 있어요', name: '박환자' });
    expect(byId.get(open)).toMatchObject({ health: 'ciphertext', name: '박환자' });
    expect(byId.get(past)).toMatchObject({ health: null, message: null, name: '박환자', year: 1940, erased: null });
    expect(byId.get(ancient)).toMatchObject({ health: null, message: null, name: RETENTION_ERASED_NAME, year: null, address: '', amount: 150000 });
    expect(byId.get(ancient)?.erased).toBeInstanceOf(Date);
    // A second run finds nothing left to do.
    const again = await t.modules.retention.runNow();
    expect(again.pruned['reservations.reservations (contract record)']).toBe(0);
  });

  it('payments: after 5 years the personal fields go and the amounts stay', async () => {
    const payment = async (createdAt: Date) => {
      const id = randomUUID();
      await sql`INSERT INTO payments.payments (id, reservation_id, guardian_id, caregiver_user_id, order_id, order_name, amount, status, provider,
                  payment_key, method, receipt_url, balance_amount, cancels, created_at, updated_at)
                VALUES (${id}, ${randomUUID()}, ${randomUUID()}, ${randomUUID()}, ${`order-${id}`}, '이간병 간병 1일', 150000, 'PARTIAL_CANCELED', 'sandbox',
                  'pk_1', '카드', 'https://receipt.example/1', 100000,
                  ${JSON.stringify([{ amount: 50000, reason: '보호자 사정', at: createdAt.toISOString(), transactionKey: 'tx1' }])}::jsonb,
                  ${createdAt}, ${createdAt})`.execute(db);
      return id;
    };
    const old = await payment(ago(5 * 365 + 1));
    const young = await payment(ago(4 * 365));
    const run = await t.modules.retention.runNow();
    expect(run.pruned['payments.payments']).toBe(1);
    type Row = { id: string; guardian_id: string; order_name: string; payment_key: string | null; receipt_url: string | null; amount: number; balance_amount: number; cancels: unknown };
    const rows = (await sql<Row>`SELECT id, guardian_id, order_name, payment_key, receipt_url, amount, balance_amount, cancels FROM payments.payments WHERE id IN (${old}, ${young})`.execute(db)).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(old)).toMatchObject({ guardian_id: 'erased', order_name: 'erased', payment_key: null, receipt_url: null, amount: 150000, balance_amount: 100000 });
    expect(byId.get(old)?.cancels).toEqual([{ amount: 50000, at: expect.any(String), transactionKey: 'tx1' }]);
    expect(byId.get(young)).toMatchObject({ order_name: '이간병 간병 1일', payment_key: 'pk_1' });
  });

  it('identity.revocations: expired entries go when the table exists', async () => {
    const exists = (await one(db, sql<{ present: boolean }>`SELECT to_regclass('identity.revocations') IS NOT NULL AS present`))?.present;
    const run = await t.modules.retention.runNow();
    if (!exists) {
      expect(run.pruned['identity.revocations']).toBe(0);
      return;
    }
    expect(run.pruned['identity.revocations']).toBe(0);
    await sql`INSERT INTO identity.revocations (kind, id, expires_at)
              VALUES ('session', 'old-sid', ${ago(2)}), ('token', 'live-jti', ${ago(-1)}), ('token', 'just-expired', ${ago(0.5)})`.execute(db);
    const next = await t.modules.retention.runNow();
    expect(next.pruned['identity.revocations']).toBe(1);
    const left = (await sql<{ id: string }>`SELECT id FROM identity.revocations ORDER BY id`.execute(db)).rows.map((r) => r.id);
    expect(left).toEqual(['just-expired', 'live-jti']);
  });
});
