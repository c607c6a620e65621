import { writeAudit } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/access.ts';
import type { StoredFile } from '../../../platform/storage/storage.ts';
import { findDocument } from '../db/caregivers.repo.ts';
import type { CaregiversDeps } from './deps.ts';
import type { DocumentView } from './schemas.ts';
import { toDocumentView } from './profile-view.ts';

export interface DownloadRequest {
  readonly actor: Actor | undefined;
  readonly caregiverId: string;
  readonly documentId: string;
  readonly requestId?: string | undefined;
}

/**
 * Admin: a caregiver's document. Every access leaves an audit row ('caregiver.document.read'),
 * written in the transaction that looks the document up, so no read goes unrecorded.
 */
export function makeDownloadDocument({ platform }: CaregiversDeps) {
  return async function downloadDocument(request: DownloadRequest): Promise<{ document: DocumentView; file: StoredFile }> {
    const now = platform.clock.now();
    const document = await inTransaction(platform.database.db, async (tx) => {
      const row = await findDocument(tx, request.caregiverId, request.documentId);
      if (!row) throw notFound('Document', 'DOCUMENT_NOT_FOUND');
      await writeAudit(
        tx,
        {
          actor: request.actor,
          action: 'caregiver.document.read',
          resourceType: 'caregiver_document',
          resourceId: row.id,
          details: { caregiverId: row.caregiver_id, kind: row.kind },
          ...(request.requestId !== undefined ? { requestId: request.requestId } : {}),
        },
        now,
      );
      return row;
    });
    const file = await platform.storage.get(document.storage_key);
    if (!file) {
      platform.logger.error({ documentId: document.id, key: document.storage_key }, 'document row without a stored file');
      throw notFound('Document', 'DOCUMENT_NOT_FOUND');
    }
    return { document: toDocumentView(document), file };
  };
}
