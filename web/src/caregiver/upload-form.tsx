import { useState, type FormEvent } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice, SuccessNotice } from '../ui/feedback.tsx';
import { caregiverMessages } from './messages.ts';
import { fileProblem, UploadProgress, useUpload, type DocumentKind, type Upload } from './upload.tsx';

// What the two upload forms (documents, profile photo) share: one chosen file, checked before it is
// sent, then progress, the problem or the success notice, and the submit button.

export interface FileUpload {
  readonly file: File | undefined;
  /** The file input's client-side error (no file, wrong type, too large). */
  readonly error: string | undefined;
  readonly done: boolean;
  readonly sending: Upload;
  /** Changes after each successful upload when the input is cleared: use it as the file input's key. */
  readonly inputKey: number;
  choose(file: File | undefined): void;
  /** Checks the chosen file, sends it as `kind`, then calls `onUploaded`. */
  submit(event: FormEvent, kind: DocumentKind): Promise<void>;
}

export function useFileUpload(options: { types: readonly string[]; wrongType?: string; keepFile?: boolean; onUploaded(): void }): FileUpload {
  const m = useMessages(caregiverMessages).documents;
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const sending = useUpload();
  const choose = (next: File | undefined) => {
    setFile(next);
    setError(undefined);
    setDone(false);
  };
  const submit = async (event: FormEvent, kind: DocumentKind) => {
    event.preventDefault();
    setDone(false);
    const problem = fileProblem(file, options.types, m, options.wrongType);
    setError(problem);
    if (problem || !file) return;
    if (await sending.send(kind, file)) {
      setDone(true);
      if (!options.keepFile) {
        setFile(undefined);
        setInputKey((k) => k + 1);
      }
      options.onUploaded();
    }
  };
  return { file, error, done, sending, inputKey, choose, submit };
}

/** Progress, problem, success and the submit button of an upload form. */
export function UploadFooter({ upload, label }: { upload: FileUpload; label: string }) {
  const m = useMessages(caregiverMessages).documents;
  const busy = upload.sending.fraction !== undefined;
  return (
    <>
      {busy && <UploadProgress fraction={upload.sending.fraction ?? 0} />}
      <ErrorNotice problem={upload.sending.problem} />
      {upload.done && <SuccessNotice>{m.uploaded}</SuccessNotice>}
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? m.uploading : label}
        </button>
      </div>
    </>
  );
}
