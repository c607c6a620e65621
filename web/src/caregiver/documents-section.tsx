import { useState } from 'react';
import { SelectField } from '../ui/form.tsx';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import type { MyProfile } from './data.ts';
import { caregiverMessages } from './messages.ts';
import { DOCUMENT_TYPES, type DocumentKind } from './upload.tsx';
import { UploadFooter, useFileUpload } from './upload-form.tsx';
import { FileField } from './file-field.tsx';

const KINDS: readonly DocumentKind[] = ['CERTIFICATE', 'ID_CARD', 'PHOTO', 'OTHER'];

/** Certificates, ID and other documents for the admin review: upload one at a time, list what is there. */
export function DocumentsSection({ profile, onUploaded }: { profile: MyProfile | null; onUploaded(): void }) {
  const t = useMessages(caregiverMessages);
  const m = t.documents;
  const f = useFormat();
  const [kind, setKind] = useState<DocumentKind>('CERTIFICATE');
  const upload = useFileUpload({ types: DOCUMENT_TYPES, onUploaded });

  return (
    <section className="card stack" aria-labelledby="cg-documents-title">
      <h2 id="cg-documents-title">{m.title}</h2>
      <p className="muted">{m.intro}</p>
      {!profile ? (
        <p className="notice notice-info">{m.needProfile}</p>
      ) : (
        <>
          <form className="form stack" onSubmit={(e) => void upload.submit(e, kind)} noValidate>
            <SelectField label={m.kind} name="kind" value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)} options={KINDS.map((k) => ({ value: k, label: m.kinds[k] }))} />
            <FileField key={upload.inputKey} label={m.file} accept={DOCUMENT_TYPES.join(',')} error={upload.error} onFile={upload.choose} />
            <UploadFooter upload={upload} label={m.upload} />
          </form>
          <h3>{m.list}</h3>
          {profile.documents.length === 0 ? (
            <p className="empty">{m.none}</p>
          ) : (
            <ul className="list cg-documents">
              {profile.documents.map((d) => (
                <li key={d.id} className="kv">
                  <span>
                    <strong>{m.kinds[d.kind]}</strong> <span className="muted">{d.contentType} · {m.size(f.number(Math.max(1, Math.round(d.size / 1024))))}</span>
                  </span>
                  <time className="muted" dateTime={d.createdAt}>
                    {f.dateTime(d.createdAt)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
