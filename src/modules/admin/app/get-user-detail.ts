import type { Actor } from '../../../platform/access.ts';
import { readAudit, writeAudit } from '../../../platform/audit.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/uuid.ts';
import type { AdminDeps } from './deps.ts';
import { auditEntryView } from './read-audit-log.ts';
import type { AdminUserDetail } from './schemas.ts';

const LATEST = 20;
const TRAIL = 50;

/**
 * Admin: one user with their latest reservations (as guardian or caregiver), payments (as payer), reviews
 * (written or about them), settlements (caregivers) and audit trail (as actor, or as the resource: their
 * user id or their caregiver profile id). Each part is read from the module that owns it. The read shows
 * personal data, so it is audited ('user.detail.read', resource 'user') once it succeeded.
 */
export function makeGetUserDetail({ platform, identity, caregivers, reservations, payments, reviews, settlements }: AdminDeps) {
  return async function getUserDetail(actor: Actor, userId: string, requestId?: string): Promise<AdminUserDetail> {
    const user = isUuid(userId) ? await identity.findUserForAdmin(userId) : undefined;
    if (!user) throw notFound('User', 'USER_NOT_FOUND');
    const isCaregiver = user.role === 'CAREGIVER';
    const profile = isCaregiver ? await caregivers.findProfileByUserId(userId) : undefined;
    const [reservationList, paymentList, reviewList, settlementList, trail] = await Promise.all([
      reservations.listForUser(userId, LATEST),
      payments.listForUser(userId, LATEST),
      reviews.listForUser(userId, LATEST),
      isCaregiver ? settlements.listForCaregiverUser(userId, LATEST) : Promise.resolve([]),
      readAudit(platform.database.db, { involving: profile ? [userId, profile.id] : [userId] }, { limit: TRAIL }),
    ]);
    await writeAudit(
      platform.database.db,
      { actor, action: 'user.detail.read', resourceType: 'user', resourceId: userId, ...(requestId !== undefined ? { requestId } : {}) },
      platform.clock.now(),
    );
    return {
      user,
      reservations: reservationList.map((r) => ({
        id: r.id,
        status: r.status,
        startAt: r.startAt,
        endAt: r.endAt,
        totalAmount: r.totalAmount,
        guardianId: r.guardianId,
        caregiverId: r.caregiverId,
        caregiverName: r.caregiverName,
        createdAt: r.createdAt,
      })),
      payments: paymentList.map((p) => ({
        id: p.id,
        reservationId: p.reservationId,
        status: p.status,
        amount: p.amount,
        balanceAmount: p.balanceAmount,
        approvedAt: p.approvedAt,
      })),
      reviews: reviewList.map((review) => ({
        id: review.id,
        reservationId: review.reservationId,
        rating: review.rating,
        written: review.guardianId === userId,
        createdAt: review.createdAt,
        deletedAt: review.deletedAt,
      })),
      settlements: settlementList,
      auditTrail: trail.slice(0, TRAIL).map(auditEntryView),
    };
  };
}
