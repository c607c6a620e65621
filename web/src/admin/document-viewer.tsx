import { useEffect, useState } from 'react';
import { authorisedBlobUrl } from '../api/client.ts';
import { problemOf, type Problem } from '../api/problem.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice, Loading } from '../ui/feedback.tsx';
import type { CaregiverDocument } from './admin-api.ts';
import { adminApi } from './admin-api.ts';
import { messages } from './messages.ts';

/** 1.2 MB / 340 KB */
export function fileSize(bytes: number, format: (n: number) => string): string {
  if (bytes >= 1024 * 1024) return `${format(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  return `${format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** The documents a caregiver submitted; each opens inline (fetched with the admin's token). */
export function DocumentList({ caregiverId, caregiverName, documents }: { caregiverId: string; caregiverName: string; documents: readonly CaregiverDocument[] }) {
  const m = useMessages(messages);
  const f = useFormat();
  const [openId, setOpenId] = useState<string | undefined>();
  if (documents.length === 0) return <p className="muted">{m.review.noDocuments}</p>;
  return (
    <div className="stack">
      <p className="muted">{m.review.auditNotice}</p>
      <ul className="plain-list document-list">
        {documents.map((doc) => {
          const kind = m.review.documentKind[doc.kind];
          return (
            <li key={doc.id} className="document-item">
              <div className="row">
                <strong>{kind}</strong>
                <span className="muted">
                  {doc.contentType} · {fileSize(doc.size, f.number)}
                </span>
                {openId !== doc.id && (
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpenId(doc.id)}>
                    {m.review.open(kind)}
                  </button>
                )}
              </div>
              {openId === doc.id && (
                <DocumentViewer caregiverId={caregiverId} caregiverName={caregiverName} document={doc} onClose={() => setOpenId(undefined)} />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** One document shown inline: an image, or a PDF in a frame; with a download link. The blob URL is revoked on close. */
export function DocumentViewer({ caregiverId, caregiverName, document: doc, onClose }: { caregiverId: string; caregiverName: string; document: CaregiverDocument; onClose(): void }) {
  const m = useMessages(messages);
  const [url, setUrl] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let alive = true;
    let created: string | undefined;
    setProblem(undefined);
    authorisedBlobUrl(adminApi.documentPath(caregiverId, doc.id)).then(
      (blobUrl) => {
        created = blobUrl;
        if (alive) setUrl(blobUrl);
        else URL.revokeObjectURL(blobUrl);
      },
      (error: unknown) => alive && setProblem(problemOf(error)),
    );
    return () => {
      alive = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [caregiverId, doc.id, attempt]);
  const kind = m.review.documentKind[doc.kind];
  const label = m.review.documentAlt(kind, caregiverName);
  const extension = doc.contentType === 'application/pdf' ? 'pdf' : (doc.contentType.split('/')[1] ?? 'bin');
  return (
    <div className="document-viewer">
      {problem ? (
        <ErrorNotice problem={problem} onRetry={() => setAttempt((a) => a + 1)} />
      ) : !url ? (
        <Loading />
      ) : doc.contentType.startsWith('image/') ? (
        <img src={url} alt={label} className="document-image" />
      ) : (
        <iframe src={url} title={label} className="document-frame" />
      )}
      <div className="row">
        {url && (
          <a className="btn btn-secondary btn-small" href={url} download={`${doc.kind.toLowerCase()}-${doc.id}.${extension}`}>
            {m.review.download}
          </a>
        )}
        <button type="button" className="btn btn-secondary btn-small" onClick={onClose}>
          {m.review.closeDocument}
        </button>
      </div>
    </div>
  );
}
