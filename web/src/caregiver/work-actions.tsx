import type { Reservation } from '../api/types.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { useAction } from '../ui/use-async.ts';
import { api, call } from '../api/client.ts';
import { caregiverMessages } from './messages.ts';

/** "출근 체크인" for a CONFIRMED booking, "퇴근 체크아웃" for one IN_PROGRESS; nothing otherwise. */
export function WorkActions({ reservation, onDone }: { reservation: Reservation; onDone(updated: Reservation, message: string): void }) {
  const t = useMessages(caregiverMessages);
  const m = t.schedule;
  const path = { params: { path: { id: reservation.id } } };
  const checkIn = useAction(async () => onDone((await call(api.POST('/api/v1/reservations/{id}/check-in', path))) as Reservation, m.checkedIn));
  const checkOut = useAction(async () => onDone((await call(api.POST('/api/v1/reservations/{id}/check-out', path))) as Reservation, m.checkedOut));
  if (reservation.status === 'ACCEPTED') return <p className="muted">{m.awaitingPayment}</p>;
  if (reservation.status !== 'CONFIRMED' && reservation.status !== 'IN_PROGRESS') return null;
  const action = reservation.status === 'CONFIRMED' ? checkIn : checkOut;
  return (
    <div className="stack cg-work">
      <ErrorNotice problem={action.problem} />
      <div>
        <button type="button" className="btn btn-primary" disabled={action.pending} aria-busy={action.pending || undefined} onClick={() => void action.run()}>
          {reservation.status === 'CONFIRMED' ? m.checkIn : m.checkOut}
        </button>
      </div>
    </div>
  );
}
