import { useEffect, useState, type FormEvent } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice, SuccessNotice } from '../ui/feedback.tsx';
import type { MyProfile } from './data.ts';
import { FileField } from './file-field.tsx';
import { caregiverMessages } from './messages.ts';
import { fileProblem, PHOTO_TYPES, UploadProgress, useUpload } from './upload.tsx';

/** The public profile photo (a PHOTO document), previewed before it is sent. */
export function PhotoSection({ profile, onUploaded }: { profile: MyProfile | null; onUploaded(): void }) {
  const t = useMessages(caregiverMessages);
  const m = t.documents;
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<string>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const sending = useUpload();

  useEffect(() => {
    if (!file || !file.type.startsWith('image/') || typeof URL.createObjectURL !== 'function') return setPreview(undefined);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const problem = fileProblem(file, PHOTO_TYPES, m, m.photoWrongType);
    setError(problem);
    if (problem || !file) return;
    if (await sending.send('PHOTO', file)) {
      setDone(true);
      onUploaded();
    }
  };

  const shown = preview ?? profile?.photoUrl;
  return (
    <section className="card stack" aria-labelledby="cg-photo-title">
      <h2 id="cg-photo-title">{m.photoTitle}</h2>
      <p className="muted">{m.photoIntro}</p>
      {!profile ? (
        <p className="notice notice-info">{m.needProfile}</p>
      ) : (
        <form className="form stack" onSubmit={(e) => void submit(e)} noValidate>
          <div className="row cg-photo">
            {shown ? <img className="avatar" src={shown} alt={m.photoPreview} width={72} height={72} /> : <span className="avatar" aria-hidden="true" />}
            <FileField label={m.photoFile} accept={PHOTO_TYPES.join(',')} error={error} onFile={(next) => { setFile(next); setError(undefined); setDone(false); }} />
          </div>
          {sending.fraction !== undefined && <UploadProgress fraction={sending.fraction} />}
          <ErrorNotice problem={sending.problem} />
          {done && <SuccessNotice>{m.uploaded}</SuccessNotice>}
          <div>
            <button type="submit" className="btn btn-primary" disabled={sending.fraction !== undefined}>
              {sending.fraction !== undefined ? m.uploading : m.photoUpload}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
