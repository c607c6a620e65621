import { useEffect, useRef, useState } from 'react';
import { authorisedBlobUrl } from '../api/client.ts';
import { problemOf, type Problem } from '../api/problem.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice, Loading } from '../ui/feedback.tsx';
import type { CaregiverDocument } from './admin-api.ts';
import { adminApi } from './admin-api.ts';
import { messages } from './messages.ts';
import { peopleMessages } from './people-messages.ts';

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
                {/* Always there, so closing the dialog gives focus back to it. */}
                <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpenId(doc.id)}>
                  {m.review.open(kind)}
                </button>
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

/** Zoom steps of an image; 1 fits the image to the dialog. */
export const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;

/**
 * One document, large: a modal dialog over the page (Escape or 닫기 closes it and focus returns to the button
 * that opened it). An image zooms in steps and scrolls inside a focusable frame (arrow keys pan); a PDF fills
 * the dialog in the browser's own viewer. With a download link. The blob URL is revoked on close.
 */
export function DocumentViewer({ caregiverId, caregiverName, document: doc, onClose }: { caregiverId: string; caregiverName: string; document: CaregiverDocument; onClose(): void }) {
  const m = useMessages(messages);
  const p = useMessages(peopleMessages);
  const [url, setUrl] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [zoom, setZoom] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // The button that opened it gets focus back on close (the dialog leaves the page, so the browser cannot).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
    return () => {
      element.close?.();
      opener?.focus();
    };
  }, []);
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
  const isImage = doc.contentType.startsWith('image/');
  const scale = ZOOM_STEPS[zoom] ?? 1;
  return (
    <dialog
      ref={dialog}
      className="document-dialog"
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="row document-toolbar">
        <strong>{kind}</strong>
        {isImage && url && (
          <div className="row" role="group" aria-label={p.zoomLevel(Math.round(scale * 100))}>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setZoom((z) => z - 1)} disabled={zoom === 0}>
              {p.zoomOut}
            </button>
            <output className="document-zoom" aria-live="polite">
              {p.zoomLevel(Math.round(scale * 100))}
            </output>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setZoom((z) => z + 1)} disabled={zoom === ZOOM_STEPS.length - 1}>
              {p.zoomIn}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setZoom(0)} disabled={zoom === 0}>
              {p.zoomReset}
            </button>
          </div>
        )}
        {url && (
          <a className="btn btn-secondary btn-small" href={url} download={`${doc.kind.toLowerCase()}-${doc.id}.${extension}`}>
            {m.review.download}
          </a>
        )}
        <button type="button" className="btn btn-primary btn-small" onClick={onClose}>
          {m.review.closeDocument}
        </button>
      </div>
      {problem ? (
        <ErrorNotice problem={problem} onRetry={() => setAttempt((a) => a + 1)} />
      ) : !url ? (
        <Loading />
      ) : isImage ? (
        <div className="document-stage" tabIndex={0} role="region" aria-label={label}>
          <img src={url} alt={label} className={scale === 1 ? 'document-image' : 'document-image zoomed'} style={scale === 1 ? undefined : { width: `${scale * 100}%` }} />
        </div>
      ) : (
        <iframe src={url} title={label} className="document-frame" />
      )}
    </dialog>
  );
}
