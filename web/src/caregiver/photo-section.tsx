import { useEffect, useState } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import type { MyProfile } from './data.ts';
import { FileField } from './file-field.tsx';
import { caregiverMessages } from './messages.ts';
import { PHOTO_TYPES } from './upload.tsx';
import { UploadFooter, useFileUpload } from './upload-form.tsx';

/** The public profile photo (a PHOTO document), previewed before it is sent. */
export function PhotoSection({ profile, onUploaded }: { profile: MyProfile | null; onUploaded(): void }) {
  const t = useMessages(caregiverMessages);
  const m = t.documents;
  // The chosen photo stays previewed after it is sent, until the reloaded profile shows it.
  const upload = useFileUpload({ types: PHOTO_TYPES, wrongType: m.photoWrongType, keepFile: true, onUploaded });
  const { file } = upload;
  const [preview, setPreview] = useState<string>();

  useEffect(() => {
    if (!file || !file.type.startsWith('image/') || typeof URL.createObjectURL !== 'function') return setPreview(undefined);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const shown = preview ?? profile?.photoUrl;
  return (
    <section className="card stack" aria-labelledby="cg-photo-title">
      <h2 id="cg-photo-title">{m.photoTitle}</h2>
      <p className="muted">{m.photoIntro}</p>
      {!profile ? (
        <p className="notice notice-info">{m.needProfile}</p>
      ) : (
        <form className="form stack" onSubmit={(e) => void upload.submit(e, 'PHOTO')} noValidate>
          <div className="row cg-photo">
            {shown ? <img className="avatar" src={shown} alt={m.photoPreview} width={72} height={72} /> : <span className="avatar" aria-hidden="true" />}
            <FileField label={m.photoFile} accept={PHOTO_TYPES.join(',')} error={upload.error} onFile={upload.choose} />
          </div>
          <UploadFooter upload={upload} label={m.photoUpload} />
        </form>
      )}
    </section>
  );
}
