import { inTransaction } from '../../../platform/db/database.ts';
import type { Worker } from '../../../platform/module.ts';
import type { UserSummary } from '../../identity/contract.ts';
import { claimDueSlack, claimUnpushed, recordSlackResult, type ClaimedDelivery } from '../db/notifications.repo.ts';
import { nextSlackAttempt, SLACK_CLAIM_LEASE_MS } from '../domain/delivery.ts';
import { renderNotification, slackText } from '../domain/templates.ts';
import type { NotificationsDeps } from './deps.ts';
import { namedIds, namesOf, notificationView, textData, type NameOf } from './view.ts';

// Delivers committed notifications outside any transaction: real-time frames (best effort) and Slack DMs
// (notifications.slack_deliveries as an outbox: claimed with a lease, so a crash mid-send is retried;
// failures back off and end FAILED after SLACK_MAX_ATTEMPTS). Slack failing touches neither the stored
// notification nor the frames. Every replica may run it: FOR UPDATE SKIP LOCKED splits the rows.

export interface DeliveryRun {
  readonly pushed: number;
  readonly slackSent: number;
  readonly slackFailed: number;
}

export interface DeliveryWorker extends Worker {
  /** One pass; tests pass a later `now` to reach retries that are not yet due. */
  runOnce(now?: Date): Promise<DeliveryRun>;
  /** Asks for a run soon (new notifications were written). */
  wake(): void;
}

const BATCH = 100;
const INTERVAL_MS = 1_000;

export function makeDeliveryWorker(deps: Omit<NotificationsDeps, 'wake'>): DeliveryWorker {
  const { platform, identity, slack } = deps;
  const log = platform.logger.child({ component: 'notifications.delivery' });

  /**
   * The recipients and the users the texts name, in ONE identity call per run (a booking's caregiver
   * notification names its guardian; both used to be looked up separately).
   */
  async function users(recipientIds: readonly string[], namedUserIds: readonly string[]): Promise<{ byId: Map<string, UserSummary>; nameOf: NameOf }> {
    const found = await identity.findUsers([...new Set([...recipientIds, ...namedUserIds])]);
    return { byId: new Map(found.map((u) => [u.id, u])), nameOf: namesOf(found) };
  }

  async function pushFrames(now: Date): Promise<number> {
    const rows = await claimUnpushed(platform.database.db, now, BATCH);
    if (rows.length === 0) return 0;
    const { byId, nameOf } = await users(rows.map((r) => r.user_id), namedIds(rows));
    await Promise.all(
      rows.map((row) =>
        platform.realtime
          .toUsers([row.user_id], { type: 'notification', notification: notificationView(row, byId.get(row.user_id)?.preferredLanguage, nameOf) })
          .catch((error: unknown) => log.warn({ err: error, notificationId: row.id }, 'notification frame failed')),
      ),
    );
    return rows.length;
  }

  async function sendOne({ delivery, notification }: ClaimedDelivery, user: UserSummary | undefined, now: Date, nameOf: NameOf): Promise<'sent' | 'failed' | 'skipped'> {
    if (!user?.slackUserId || user.status !== 'ACTIVE') {
      await recordSlackResult(platform.database.db, delivery.id, { status: 'SKIPPED' }, now);
      return 'skipped';
    }
    try {
      await slack.sendDirectMessage(user.slackUserId, slackText(renderNotification(notification.type, textData(notification.data, nameOf), user.preferredLanguage)));
      await recordSlackResult(platform.database.db, delivery.id, { status: 'SENT' }, platform.clock.now());
      return 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const next = nextSlackAttempt(delivery.attempts, now);
      await recordSlackResult(
        platform.database.db,
        delivery.id,
        'giveUp' in next ? { status: 'FAILED', error: message } : { status: 'PENDING', retryAt: next.retryAt, error: message },
        now,
      );
      log.warn({ err: error, deliveryId: delivery.id, attempts: delivery.attempts }, 'Slack DM failed');
      return 'failed';
    }
  }

  async function sendSlack(now: Date): Promise<[number, number]> {
    if (!slack.enabled) return [0, 0];
    const claimed = await inTransaction(platform.database.db, (tx) =>
      claimDueSlack(tx, now, new Date(now.getTime() + SLACK_CLAIM_LEASE_MS), BATCH),
    );
    if (claimed.length === 0) return [0, 0];
    const { byId, nameOf } = await users(claimed.map((c) => c.delivery.user_id), namedIds(claimed.map((c) => c.notification)));
    const results = await Promise.all(claimed.map((c) => sendOne(c, byId.get(c.delivery.user_id), now, nameOf)));
    return [results.filter((r) => r === 'sent').length, results.filter((r) => r === 'failed').length];
  }

  async function runOnce(now = platform.clock.now()): Promise<DeliveryRun> {
    const pushed = await pushFrames(now);
    const [slackSent, slackFailed] = await sendSlack(now);
    return { pushed, slackSent, slackFailed };
  }

  // Kicked by the record consumer from inside its inbox transaction: a short delay lets that commit first
  // (a run that comes too early finds nothing, and the next tick a second later delivers).
  const poller = platform.poller({ name: 'notifications.delivery', intervalMs: INTERVAL_MS, kickDelayMs: 10, runOnce: () => runOnce() });
  return { name: poller.name, start: poller.start, stop: poller.stop, wake: poller.kick, runOnce };
}
