import { writeAudit } from '../../../platform/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import type { NewEvent } from '../../../platform/events/event.ts';
import type { Actor } from '../../../platform/access.ts';
import type { ProfileStatus } from '../contract.ts';
import { findProfileById, listDocuments, updateProfile, type ProfileRow } from '../db/caregivers.repo.ts';
import { nextStatus, type ProfileCommand } from '../domain/status.ts';
import type { CaregiversDeps } from './deps.ts';
import { toFullProfile } from './profile-view.ts';
import type { FullProfileView } from './schemas.ts';

// The part approve and reject share: lock, check the transition, write, audit, event, in one transaction.

export interface ReviewContext {
  readonly actor: Actor | undefined;
  readonly requestId?: string | undefined;
}

export interface ReviewDecision {
  readonly command: ProfileCommand & { type: 'approve' | 'reject' };
  readonly reason: string | null;
  readonly event: (row: ProfileRow) => NewEvent;
}

export async function reviewProfile(
  { platform }: CaregiversDeps,
  caregiverId: string,
  decision: ReviewDecision,
  context: ReviewContext,
): Promise<FullProfileView> {
  const now = platform.clock.now();
  const view = await platform.transact(async (tx, emit) => {
    const row = await findProfileById(tx, caregiverId, { forUpdate: true });
    if (!row) throw notFound('Caregiver', 'CAREGIVER_NOT_FOUND');
    const status: ProfileStatus | undefined = nextStatus(row.status, decision.command);
    if (status === undefined) {
      throw conflict('INVALID_TRANSITION', `Only a PENDING profile can be reviewed; this one is ${row.status}`);
    }
    const updated = await updateProfile(tx, row.id, { status, rejection_reason: decision.reason, reviewed_at: now, updated_at: now });
    await writeAudit(
      tx,
      {
        actor: context.actor,
        action: `caregiver.profile.${decision.command.type}`,
        resourceType: 'caregiver_profile',
        resourceId: row.id,
        details: decision.reason === null ? {} : { reason: decision.reason },
        ...(context.requestId !== undefined ? { requestId: context.requestId } : {}),
      },
      now,
    );
    emit(decision.event(updated));
    return toFullProfile(updated, await listDocuments(tx, row.id));
  });
  return view;
}
