import { inTransaction } from '../../../platform/db/database.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { DocumentKind } from '../contract.ts';
import { countDocuments, findProfileById, findProfileByUserId, insertDocument, updateProfile, type DocumentRow } from '../db/caregivers.repo.ts';
import { detectContentType, uploadProblem } from '../domain/file-type.ts';
import { DOCUMENT_LIMIT, documentStorageKey, type CaregiversDeps } from './deps.ts';
import { toDocumentView } from './profile-view.ts';
import type { DocumentView } from './schemas.ts';

/** The largest upload, as the HTTP layer enforces it (413); checked here too for direct callers. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface UploadInput {
  readonly kind: DocumentKind;
  readonly content: Buffer;
}

const limitReached = () =>
  conflict('DOCUMENT_LIMIT_REACHED', `A caregiver keeps at most ${DOCUMENT_LIMIT} documents`);

/**
 * Stores a document of the caller's profile privately. The type comes from the content (415 otherwise);
 * a PHOTO becomes the profile photo at once. Uploading does not change the review status.
 */
export function makeUploadDocument({ platform }: CaregiversDeps) {
  return async function uploadDocument(userId: string, input: UploadInput): Promise<DocumentView> {
    if (input.content.length > DOCUMENT_MAX_BYTES) {
      throw new AppError('too_large', 'PAYLOAD_TOO_LARGE', 'Documents may be at most 10 MB');
    }
    const contentType = detectContentType(input.content);
    const problem = uploadProblem(input.kind, contentType);
    if (problem !== undefined || contentType === undefined) {
      throw new AppError('unsupported_media_type', 'UNSUPPORTED_MEDIA_TYPE', problem ?? 'Unsupported file type');
    }
    const { db } = platform.database;
    const profile = await findProfileByUserId(db, userId);
    if (!profile || profile.withdrawn_at !== null) throw notFound('Caregiver profile', 'PROFILE_NOT_FOUND');
    // Checked before the upload to spare the storage, and again under the row lock against races.
    if ((await countDocuments(db, profile.id)) >= DOCUMENT_LIMIT) throw limitReached();

    const now = platform.clock.now();
    const row: DocumentRow = {
      id: newId(),
      caregiver_id: profile.id,
      kind: input.kind,
      content_type: contentType,
      size: input.content.length,
      storage_key: documentStorageKey(profile.id, ''),
      created_at: now,
    };
    row.storage_key = documentStorageKey(profile.id, row.id);
    // The file first, then its row: a failure in between leaves an orphan file we delete, never a row without a file.
    await platform.storage.put(row.storage_key, input.content, contentType);
    try {
      await inTransaction(db, async (tx) => {
        const locked = await findProfileById(tx, profile.id, { forUpdate: true });
        if (!locked || locked.withdrawn_at !== null) throw notFound('Caregiver profile', 'PROFILE_NOT_FOUND');
        if ((await countDocuments(tx, profile.id)) >= DOCUMENT_LIMIT) throw limitReached();
        await insertDocument(tx, row);
        if (row.kind === 'PHOTO') await updateProfile(tx, profile.id, { photo_document_id: row.id, updated_at: now });
      });
    } catch (error) {
      await platform.storage.delete(row.storage_key).catch((cleanup: unknown) => {
        platform.logger.warn({ err: cleanup, key: row.storage_key }, 'could not delete an orphan upload');
      });
      throw error;
    }
    return toDocumentView(row);
  };
}
