import type { Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { typed } from '../../../platform/db/repository.ts';
import type { ConsentRecord } from '../domain/consents.ts';

// Identity's SQL for sign-up consents (identity.consents).

interface ConsentsTable {
  user_id: string;
  terms_version: string | null;
  privacy_version: string | null;
  sensitive_version: string | null;
  marketing: boolean | null;
  recorded_at: Date;
}

export type ConsentRow = Selectable<ConsentsTable>;

const q = typed<{ 'identity.consents': ConsentsTable }>;

export async function insertConsents(db: Executor, userId: string, record: ConsentRecord, at: Date): Promise<void> {
  await q(db)
    .insertInto('identity.consents')
    .values({
      user_id: userId,
      terms_version: record.termsVersion,
      privacy_version: record.privacyVersion,
      sensitive_version: record.sensitiveVersion,
      marketing: record.marketing,
      recorded_at: at,
    })
    .execute();
}

export function findConsents(db: Executor, userId: string): Promise<ConsentRow | undefined> {
  return q(db).selectFrom('identity.consents').selectAll().where('user_id', '=', userId).executeTakeFirst();
}
