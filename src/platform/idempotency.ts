import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from './clock.ts';
import type { AnyDb } from './db/database.ts';
import { AppError, invalid } from './errors.ts';

// `Idempotency-Key` for POSTs that must not run twice (create reservation, confirm payment): the first
// response to (scope, key) is stored and replayed for the same body; the same key with another body is
// 422 IDEMPOTENCY_KEY_REUSED. A failed attempt releases the key so the client may retry. A key whose
// first attempt died mid-way (crash) is taken over after `abandonAfterMs`.
// Not HTTP itself (use cases call it with the header's value); not the event inbox's dedupe either (events/inbox.ts).

export interface IdempotentResult {
  readonly statusCode: number;
  readonly body: unknown;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
}

export async function withIdempotencyKey(
  db: AnyDb,
  clock: Clock,
  request: { scope: string; key: string | undefined; body: unknown },
  run: () => Promise<IdempotentResult>,
  abandonAfterMs = 60_000,
): Promise<IdempotentResult & { replayed: boolean }> {
  const { scope, key } = request;
  if (key === undefined) return { ...(await run()), replayed: false };
  if (!KEY.test(key)) {
    throw invalid('The Idempotency-Key header is not valid', [{ field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }]);
  }
  const hash = requestHash(request.body);
  const now = clock.now();
  const claimed = await sql<{ key: string }>`
    INSERT INTO platform.idempotency_keys (scope, key, request_hash, created_at)
    VALUES (${scope}, ${key}, ${hash}, ${now})
    ON CONFLICT (scope, key) DO UPDATE SET created_at = EXCLUDED.created_at
      WHERE platform.idempotency_keys.completed_at IS NULL
        AND platform.idempotency_keys.request_hash = EXCLUDED.request_hash
        AND platform.idempotency_keys.created_at < ${new Date(now.getTime() - abandonAfterMs)}
    RETURNING key`.execute(db);
  if (claimed.rows.length === 0) {
    const existing = await sql<{ request_hash: string; status_code: number | null; response: unknown }>`
      SELECT request_hash, status_code, response FROM platform.idempotency_keys WHERE scope = ${scope} AND key = ${key}`.execute(db);
    const row = existing.rows[0];
    if (row && row.request_hash !== hash) {
      throw new AppError('unprocessable', 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    }
    if (row && row.status_code !== null) return { statusCode: row.status_code, body: row.response, replayed: true };
    throw new AppError('conflict', 'IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed');
  }
  try {
    const result = await run();
    await sql`
      UPDATE platform.idempotency_keys SET status_code = ${result.statusCode}, response = ${JSON.stringify(result.body)}::jsonb,
        completed_at = ${clock.now()}
      WHERE scope = ${scope} AND key = ${key}`.execute(db);
    return { ...result, replayed: false };
  } catch (error) {
    await sql`DELETE FROM platform.idempotency_keys WHERE scope = ${scope} AND key = ${key} AND completed_at IS NULL`.execute(db);
    throw error;
  }
}
