import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { openTestDatabase } from '../support/database.ts';
import { serviceUrl } from '../support/services.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { acceptedBooking, approvedCaregiver, confirm, eventually, openPayment, reservationOf, sandboxPay } from '../payments/support.ts';
import { openSocket, type TestSocket } from '../realtime/client.ts';

// Two replicas sharing PostgreSQL, Redis and Kafka: a booking paid on instance A is confirmed by
// whichever instance's consumer gets the event, notifies the caregiver once, and the notification frame
// reaches the caregiver's WebSocket held by instance B.

const databaseUrl = serviceUrl('DATABASE_URL');
const redisUrl = serviceUrl('REDIS_URL');
const kafkaBrokers = serviceUrl('KAFKA_BROKERS');

describe.skipIf(!databaseUrl || !redisUrl || !kafkaBrokers)('two instances over Kafka and Redis', () => {
  let database: Database;
  let a: TestApp;
  let b: TestApp;
  let socket: TestSocket | undefined;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    // Replicas share their secrets (as in production): the encryption key above all.
    const env = {
      REDIS_URL: redisUrl!,
      KAFKA_BROKERS: kafkaBrokers!,
      KAFKA_TOPIC_PREFIX: `two-${randomBytes(4).toString('hex')}.`,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    a = await startTestApp({ database, env });
    b = await startTestApp({ database, env });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    socket?.ws.close();
    await a?.close();
    await b?.close();
    await database?.close();
  });

  it('confirms, notifies once and pushes the frame across instances', async () => {
    const cg = await approvedCaregiver(a);
    const { port } = b.app.server.address() as { port: number };
    socket = await openSocket(`ws://127.0.0.1:${port}/api/v1/ws`);
    socket.send({ type: 'auth', token: cg.caregiver.accessToken });
    await socket.next((frame) => frame.type === 'auth.ok');

    const booking = await acceptedBooking(a, { caregiver: cg });
    const order = await openPayment(a, booking);
    const redirect = await sandboxPay(a, booking.guardian, order.orderId);
    expect((await confirm(a, booking.guardian, redirect)).statusCode).toBe(200);

    // payment.confirmed.v1 travels through Kafka; instance B sees the result in the shared database.
    await eventually(async () => {
      expect((await reservationOf(b, booking.guardian, booking.reservationId)).status).toBe('CONFIRMED');
    }, 20_000);
    const frame = await socket.next(
      (f) => f.type === 'notification' && (f.notification as { type?: string }).type === 'RESERVATION_CONFIRMED',
      20_000,
    );
    expect((frame.notification as { data: { reservationId: string } }).data.reservationId).toBe(booking.reservationId);

    // Both instances consume in one group per consumer: the notification exists exactly once.
    const rows = await database.db
      .selectFrom('notifications.notifications')
      .select('id')
      .where('user_id', '=', cg.caregiver.userId)
      .where('type', '=', 'RESERVATION_CONFIRMED')
      .execute();
    expect(rows).toHaveLength(1);
  }, 60_000);
});
