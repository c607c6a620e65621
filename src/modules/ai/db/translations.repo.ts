import type { Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { typed } from '../../../platform/db/repository.ts';

// The only place the AI module talks SQL (migration 0001-ai.sql): the shared translation cache.

export interface TranslationsTable {
  text_hash: string;
  target_language: string;
  source_language: string;
  translated_text: string;
  provider: string;
  created_at: Date;
}

interface Tables {
  'ai.translations': TranslationsTable;
}

export type TranslationRow = Selectable<TranslationsTable>;

const q = typed<Tables>;

/** A cached translation made after `notBefore`. */
export function findTranslation(db: Executor, key: { textHash: string; targetLanguage: string; notBefore: Date }): Promise<TranslationRow | undefined> {
  return q(db)
    .selectFrom('ai.translations')
    .selectAll()
    .where('text_hash', '=', key.textHash)
    .where('target_language', '=', key.targetLanguage)
    .where('created_at', '>=', key.notBefore)
    .executeTakeFirst();
}

/** Stores a translation; a newer one replaces an expired row, a concurrent one for the same key wins. */
export async function saveTranslation(db: Executor, row: TranslationRow): Promise<void> {
  await q(db)
    .insertInto('ai.translations')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['text_hash', 'target_language']).doUpdateSet({
        source_language: row.source_language,
        translated_text: row.translated_text,
        provider: row.provider,
        created_at: row.created_at,
      }),
    )
    .execute();
}

/** Deletes translations made before `before`; answers how many. */
export async function deleteTranslationsBefore(db: Executor, before: Date): Promise<number> {
  const result = await q(db).deleteFrom('ai.translations').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
