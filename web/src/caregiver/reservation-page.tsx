import { useState } from 'react';
import { api, call } from '../api/client.ts';
import type { Reservation } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView, SuccessNotice } from '../ui/feedback.tsx';
import { Badge, Page, reservationTone } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { MessageGuardianLink } from '../chat/open-chat.tsx';
import { CancelPanel } from './cancel-panel.tsx';
import { useLiveReload } from './data.ts';
import { caregiverMessages } from './messages.ts';
import { ReservationSummary } from './reservation-summary.tsx';
import { RespondPanel } from './respond-panel.tsx';
import { WorkActions } from './work-actions.tsx';
import './caregiver.css';

export function CaregiverReservationPage({ params }: { params: Record<string, string> }) {
  const m = useMessages(caregiverMessages);
  const c = useMessages(common);
  const id = params.id ?? '';
  const [message, setMessage] = useState<string>();
  const state = useAsync(async () => (await call(api.GET('/api/v1/reservations/{id}', { params: { path: { id } } }))) as Reservation, [id]);
  useLiveReload(state.reload);
  const done = (_: Reservation, text: string) => {
    setMessage(text);
    state.reload();
  };
  return (
    <Page title={m.detail.title} actions={state.data && <Badge tone={reservationTone(state.data.status)}>{c.reservationStatus[state.data.status]}</Badge>}>
      <p>
        <Link to="/caregiver/schedule">{m.detail.back}</Link>
      </p>
      {message && <SuccessNotice>{message}</SuccessNotice>}
      <AsyncView state={state}>
        {(r) => (
          <div className="card stack">
            <ReservationSummary reservation={r} />
            {r.status === 'REQUESTED' && <RespondPanel key={r.updatedAt} reservation={r} onDone={done} />}
            <WorkActions key={`work-${r.status}`} reservation={r} onDone={done} />
            <CancelPanel reservation={r} onDone={done} />
            <MessageGuardianLink guardianId={r.guardianId} />
          </div>
        )}
      </AsyncView>
    </Page>
  );
}
