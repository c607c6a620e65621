import { useState } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import { AsyncView } from '../ui/feedback.tsx';
import { Badge, Page } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { common } from '../i18n/common.ts';
import { loadMyProfile, useLiveReload, type MyProfile } from './data.ts';
import { DocumentsSection } from './documents-section.tsx';
import { caregiverMessages } from './messages.ts';
import { PhotoSection } from './photo-section.tsx';
import { ProfileFormCard } from './profile-form.tsx';
import { statusTone } from './status-card.tsx';
import './caregiver.css';

export function CaregiverProfilePage() {
  const m = useMessages(caregiverMessages);
  const c = useMessages(common);
  const state = useAsync(loadMyProfile, []);
  // The profile just created, until the reload brings it back from the server.
  const [created, setCreated] = useState<MyProfile>();
  useLiveReload(state.reload);
  const current = state.data ?? created ?? null;
  const title = current ? m.profile.editTitle : m.profile.createTitle;
  return (
    <Page title={title} actions={current && <Badge tone={statusTone(current.status)}>{c.caregiverStatus[current.status]}</Badge>}>
      <AsyncView state={state}>
        {() => {
          const profile = current;
          return (
            <div className="cg-profile">
              <ProfileFormCard profile={profile} onSaved={(p) => { setCreated(p); state.reload(); }} />
              <div className="stack">
                <PhotoSection profile={profile} onUploaded={state.reload} />
                <DocumentsSection profile={profile} onUploaded={state.reload} />
              </div>
            </div>
          );
        }}
      </AsyncView>
    </Page>
  );
}
