import { notFound } from '../../../platform/errors.ts';
import type { StoredFile } from '../../../platform/storage/storage.ts';
import { findDocument, findProfileById } from '../db/caregivers.repo.ts';
import { publiclyVisible } from '../domain/visibility.ts';
import type { CaregiversDeps } from './deps.ts';

export interface Photo {
  readonly file: StoredFile;
  /** Changes whenever a new photo is uploaded: usable as an ETag. */
  readonly version: string;
}

/** The latest PHOTO of an APPROVED profile; 404 PHOTO_NOT_FOUND otherwise. Public. */
export function makeGetPhoto({ platform }: CaregiversDeps) {
  return async function getPhoto(caregiverId: string): Promise<Photo> {
    const { db } = platform.database;
    const profile = await findProfileById(db, caregiverId);
    if (!profile || !publiclyVisible(profile) || profile.photo_document_id === null) throw notFound('Photo', 'PHOTO_NOT_FOUND');
    const document = await findDocument(db, profile.id, profile.photo_document_id);
    const file = document ? await platform.storage.get(document.storage_key) : undefined;
    if (!document || !file) throw notFound('Photo', 'PHOTO_NOT_FOUND');
    return { file, version: document.id };
  };
}
