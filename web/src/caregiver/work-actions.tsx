import { useEffect, useId, useState } from 'react';
import type { Reservation } from '../api/types.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { useAction } from '../ui/use-async.ts';
import { api, call } from '../api/client.ts';
import { caregiverMessages } from './messages.ts';

/** Timers longer than this are re-armed (setTimeout overflows past ~24.8 days; clocks drift while asleep). */
const MAX_WAIT_MS = 60 * 60_000;

/** Whether `opensAt` has passed; re-renders when it does. No time given: open (the server decides). */
export function useOpenFrom(opensAt: string | undefined): boolean {
  const target = opensAt ? Date.parse(opensAt) : Number.NaN;
  const [now, setNow] = useState(() => Date.now());
  const open = Number.isNaN(target) || now >= target;
  useEffect(() => {
    if (open) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(MAX_WAIT_MS, Math.max(0, target - Date.now()) + 50));
    return () => clearTimeout(timer);
  }, [open, now, target]);
  return open;
}

/**
 * "출근 체크인" for a CONFIRMED booking, "퇴근 체크아웃" for one IN_PROGRESS; nothing otherwise. Each button is
 * disabled, saying when it opens, until the time the reservation gives (check-in CHECKIN_OPENS_BEFORE before
 * the start, check-out at the start), and enabled then without a reload.
 */
export function WorkActions({ reservation, onDone }: { reservation: Reservation; onDone(updated: Reservation, message: string): void }) {
  const t = useMessages(caregiverMessages);
  const f = useFormat();
  const m = t.schedule;
  const hintId = useId();
  const path = { params: { path: { id: reservation.id } } };
  const checkIn = useAction(async () => onDone((await call(api.POST('/api/v1/reservations/{id}/check-in', path))) as Reservation, m.checkedIn));
  const checkOut = useAction(async () => onDone((await call(api.POST('/api/v1/reservations/{id}/check-out', path))) as Reservation, m.checkedOut));
  const confirmed = reservation.status === 'CONFIRMED';
  const opensAt = confirmed ? reservation.checkInOpensAt : reservation.checkOutOpensAt;
  const open = useOpenFrom(opensAt);
  if (reservation.status === 'ACCEPTED') return <p className="muted">{m.awaitingPayment}</p>;
  if (!confirmed && reservation.status !== 'IN_PROGRESS') return null;
  const action = confirmed ? checkIn : checkOut;
  const when = opensAt ? f.dateTime(opensAt) : '';
  return (
    <div className="stack cg-work">
      <ErrorNotice problem={action.problem} />
      {!open && (
        <p id={hintId} className="muted">
          {confirmed ? m.checkInOpens(when) : m.checkOutOpens(when)}
        </p>
      )}
      <div>
        <button
          type="button"
          className="btn btn-primary"
          disabled={action.pending || !open}
          aria-describedby={open ? undefined : hintId}
          aria-busy={action.pending || undefined}
          onClick={() => void action.run()}
        >
          {confirmed ? m.checkIn : m.checkOut}
        </button>
      </div>
    </div>
  );
}
