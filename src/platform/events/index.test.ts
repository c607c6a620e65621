import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Database } from '../db/database.ts';
import { assertEventType, createEventBus, isEventType } from './index.ts';

const logger = pino({ level: 'silent' });
// createEventBus only hands the database to the bus; nothing here touches it.
const database = {} as Database;

describe('event types', () => {
  it('accept <aggregate>.<verb>.v<N> only', () => {
    for (const ok of ['caregiver.approved.v1', 'reservation.payment_confirmed.v12', 'care_request.created.v2']) {
      expect(isEventType(ok)).toBe(true);
    }
    for (const bad of ['caregiver.approved', 'caregiver.approved.v0', 'Caregiver.approved.v1', 'caregiver.approved.1', 'a.b.c.v1', 'caregiver..v1', '']) {
      expect(isEventType(bad)).toBe(false);
    }
    expect(() => assertEventType('CaregiverApproved')).toThrow(/caregiver\.approved\.v1/);
  });
});

describe('createEventBus', () => {
  it('gives the memory bus without brokers', async () => {
    expect((await createEventBus({ kafkaBrokers: [] }, { database, logger })).kind).toBe('memory');
  });

  it('gives the Kafka bus with brokers (clients connect lazily, so nothing is dialled here)', async () => {
    const bus = await createEventBus({ kafkaBrokers: ['kafka-1:9092'] }, { database, logger });
    expect(bus.kind).toBe('kafka');
    await bus.close();
  });
});
