import { sql } from 'kysely';
import Type from 'typebox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { fixedClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { defineEvent } from './event.ts';
import { createTransact, type Transact } from './transact.ts';

const Noted = defineEvent('note.written.v1', Type.Object({ text: Type.String({ minLength: 1 }) }));

describe.each(databaseKinds())('platform.transact on %s', (kind) => {
  let database: Database;
  let wakes: number;
  let transact: Transact;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
    wakes = 0;
    transact = createTransact({ database, clock: fixedClock('2030-01-02T03:04:05Z'), eventsCommitted: () => void (wakes += 1) });
  });
  afterEach(async () => {
    await database.close();
  });

  const outbox = async () =>
    (await sql<{ type: string; aggregate_id: string; payload: unknown }>`SELECT type, aggregate_id, payload FROM platform.outbox ORDER BY seq`.execute(database.db)).rows;

  it('writes the state and the emitted events in one transaction, in emit order, then wakes the relay once', async () => {
    const result = await transact(async (tx, emit) => {
      await tx.insertInto('platform.audit_log').values({ action: 'noted', resource_type: 'note', resource_id: 'n-1' }).execute();
      emit(Noted.of('n-1', { text: 'first' }));
      emit(Noted.of('n-2', { text: 'second' }), Noted.of('n-1', { text: 'third' }));
      return 'done';
    });
    expect(result).toBe('done');
    expect(await outbox()).toEqual([
      { type: 'note.written.v1', aggregate_id: 'n-1', payload: { text: 'first' } },
      { type: 'note.written.v1', aggregate_id: 'n-2', payload: { text: 'second' } },
      { type: 'note.written.v1', aggregate_id: 'n-1', payload: { text: 'third' } },
    ]);
    expect(wakes).toBe(1);
  });

  it('keeps neither state nor events when the work throws, and does not wake the relay', async () => {
    await expect(
      transact(async (tx, emit) => {
        await tx.insertInto('platform.audit_log').values({ action: 'noted', resource_type: 'note', resource_id: 'n-1' }).execute();
        emit(Noted.of('n-1', { text: 'lost' }));
        throw new Error('use case refused');
      }),
    ).rejects.toThrow(/use case refused/);
    expect(await outbox()).toEqual([]);
    expect(await database.db.selectFrom('platform.audit_log').selectAll().execute()).toEqual([]);
    expect(wakes).toBe(0);
  });

  it('does not wake the relay for a transaction that emitted nothing', async () => {
    await transact(async (tx) => tx.insertInto('platform.audit_log').values({ action: 'quiet', resource_type: 'note', resource_id: 'n-1' }).execute());
    expect(wakes).toBe(0);
  });

  it('refuses a payload off its schema at emit, and an emit after the work ended (a missing await)', async () => {
    await expect(transact(async (_tx, emit) => emit(Noted.of('n-1', { text: '' })))).rejects.toThrow(/note\.written\.v1 payload does not match its schema: \/text/);
    let late: (() => void) | undefined;
    await transact(async (_tx, emit) => {
      late = () => emit(Noted.of('n-1', { text: 'late' }));
    });
    expect(() => late?.()).toThrow(/after its transaction ended/);
    expect(await outbox()).toEqual([]);
  });

  it('oneStatement writes the statement and its events together, in order, then wakes the relay once', async () => {
    await transact.oneStatement(
      (db) => db.insertInto('platform.audit_log').values({ action: 'noted', resource_type: 'note', resource_id: 'n-1' }),
      [Noted.of('n-1', { text: 'first' }), Noted.of('n-2', { text: 'second' })],
    );
    expect(await outbox()).toEqual([
      { type: 'note.written.v1', aggregate_id: 'n-1', payload: { text: 'first' } },
      { type: 'note.written.v1', aggregate_id: 'n-2', payload: { text: 'second' } },
    ]);
    expect((await database.db.selectFrom('platform.audit_log').select('resource_id').execute()).map((r) => r.resource_id)).toEqual(['n-1']);
    expect(wakes).toBe(1);
  });

  it('oneStatement writes no event when the statement fails (a constraint), and does not wake the relay', async () => {
    await expect(
      transact.oneStatement(
        (db) => db.insertInto('platform.audit_log').values({ action: null, resource_type: 'note', resource_id: 'n-1' }),
        [Noted.of('n-1', { text: 'lost' })],
      ),
    ).rejects.toThrow(/null value|not-null/);
    expect(await outbox()).toEqual([]);
    expect(await database.db.selectFrom('platform.audit_log').selectAll().execute()).toEqual([]);
    expect(wakes).toBe(0);
  });
});
