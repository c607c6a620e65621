import { useState } from 'react';
import { upload } from '../api/client.ts';
import { problemOf, type Problem } from '../api/problem.ts';
import { useMessages } from '../i18n/i18n.tsx';
import type { CaregiverDocument } from './data.ts';
import { caregiverMessages, type CaregiverMessages } from './messages.ts';

// Uploading one document to POST /caregivers/me/documents with a visible progress bar.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type DocumentKind = CaregiverDocument['kind'];

/** A readable reason not to send `file`, checked before uploading (the server checks again by content). */
export function fileProblem(file: File | undefined, types: readonly string[], m: CaregiverMessages['documents'], wrongType = m.wrongType): string | undefined {
  if (!file) return m.chooseFile;
  // Browsers leave the type empty for unknown extensions: let the server judge those by content.
  if (file.type && !types.includes(file.type)) return wrongType;
  if (file.size > MAX_UPLOAD_BYTES) return m.tooLarge((file.size / 1024 / 1024).toFixed(1));
  return undefined;
}

export function UploadProgress({ fraction }: { fraction: number }) {
  const m = useMessages(caregiverMessages).documents;
  const percent = Math.round(fraction * 100);
  return (
    <div className="cg-progress">
      <progress className="progress" max={100} value={percent} aria-label={m.progress} />
      <span aria-hidden="true">{percent}%</span>
    </div>
  );
}

export interface Upload {
  /** 0..1 while sending, undefined otherwise. */
  readonly fraction: number | undefined;
  readonly problem: Problem | undefined;
  send(kind: DocumentKind, file: File): Promise<boolean>;
  reset(): void;
}

export function useUpload(): Upload {
  const [fraction, setFraction] = useState<number>();
  const [problem, setProblem] = useState<Problem>();
  const send = async (kind: DocumentKind, file: File) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    setProblem(undefined);
    setFraction(0);
    try {
      await upload('/api/v1/caregivers/me/documents', form, setFraction);
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    } finally {
      setFraction(undefined);
    }
  };
  return { fraction, problem, send, reset: () => setProblem(undefined) };
}
