import { writeAudit } from '../../../platform/audit.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { invalid, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/access.ts';
import type { Emit } from '../../../platform/events/event.ts';
import { findReservation, updateReservation, type ReservationChanges, type ReservationRow } from '../db/reservations.repo.ts';
import { isFinal, transition, type ReservationAction, type TransitionActor } from '../domain/transitions.ts';
import type { ReservationsDeps } from './deps.ts';
import { transitionEvent } from './events.ts';
import { roleOf, toView, type ReservationView } from './view.ts';

// Every status change goes through here: the row locked (SELECT ... FOR UPDATE), the transition checked
// against the domain table, the change and its event written in one transaction.

/** With `row` locked in `tx`: checks the table, writes the change and its event; returns the row after. */
export async function applyTransition(
  tx: Executor,
  emit: Emit,
  change: { row: ReservationRow; action: ReservationAction; actor: TransitionActor; now: Date; changes?: ReservationChanges },
): Promise<ReservationRow> {
  const { row, action, actor, now } = change;
  const status = transition(row.status, action, actor);
  const after = await updateReservation(tx, row.id, {
    // A deadline belongs to one status; the change sets a new one where the next status has one.
    expires_at: null,
    ...change.changes,
    status,
    ended_at: isFinal(status) ? now : null,
    updated_at: now,
  });
  emit(transitionEvent(action, row, after));
  return after;
}

/** Loads the reservation for a person: 404 unless a participant (or an admin); `forUpdate` locks it. */
export async function loadForActor(
  db: Executor,
  reservationId: string,
  actor: Actor,
  options: { forUpdate?: boolean } = {},
): Promise<{ row: ReservationRow; role: Exclude<TransitionActor, 'SYSTEM'> }> {
  const row = await findReservation(db, reservationId, options);
  const role = row && roleOf(row, actor);
  if (!row || !role) throw notFound('Reservation', 'RESERVATION_NOT_FOUND');
  return { row, role };
}

/**
 * A person's transition. `decide` adds the action's own fields (a reason, a deadline) and may refuse with
 * its own problem; it runs after the table allowed the move, inside the transaction, and must not do I/O.
 * An admin's transition (a cancellation) is audited in the same transaction ('reservation.<action>').
 */
export async function transitionAsActor(
  { platform, settings }: ReservationsDeps,
  actor: Actor,
  reservationId: string,
  action: ReservationAction,
  decide: (row: ReservationRow, role: Exclude<TransitionActor, 'SYSTEM'>, now: Date) => ReservationChanges = () => ({}),
  context: { readonly requestId?: string | undefined } = {},
): Promise<ReservationView> {
  const now = platform.clock.now();
  const after = await platform.transact(async (tx, emit) => {
    const { row, role } = await loadForActor(tx, reservationId, actor, { forUpdate: true });
    transition(row.status, action, role);
    const changed = await applyTransition(tx, emit, { row, action, actor: role, now, changes: decide(row, role, now) });
    if (role === 'ADMIN') await auditAdminTransition(tx, actor, action, row, changed, now, context.requestId);
    return changed;
  });
  return toView(after, platform.cipher, settings);
}

async function auditAdminTransition(
  tx: Executor,
  actor: Actor,
  action: ReservationAction,
  before: ReservationRow,
  after: ReservationRow,
  at: Date,
  requestId: string | undefined,
): Promise<void> {
  const details = {
    from: before.status,
    to: after.status,
    guardianId: after.guardian_id,
    caregiverUserId: after.caregiver_user_id,
    ...(after.cancel_reason !== null ? { reason: after.cancel_reason } : {}),
    ...(after.refund_amount !== null ? { refundAmount: after.refund_amount } : {}),
  };
  const entry = { actor, action: `reservation.${action}`, resourceType: 'reservation', resourceId: after.id, details };
  await writeAudit(tx, requestId !== undefined ? { ...entry, requestId } : entry, at);
}

/** Trims free text; an optional field left blank is absent, a required one is a 400 on `field`. */
export function text(value: string | undefined, field: string, required: true): string;
export function text(value: string | undefined, field: string, required?: false): string | null;
export function text(value: string | undefined, field: string, required = false): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed !== '') return trimmed;
  if (required) throw invalid(`The ${field} is required`, [{ field, message: 'must not be blank' }]);
  return null;
}
