import { defineSettings, type SettingsOf } from '../settings.ts';

// How long each kind of record is kept (docs/data-retention.md gives the reason and the law for each).
// The periods live in one place, the platform's, because they are one policy the operator reads and sets
// as a whole; each module's rule names the period it follows (`policy`) and keeps its SQL next to its data.

export const retentionSettings = defineSettings((read) => ({
  /** RETENTION_ENABLED=false: no pruning at all (e.g. during a legal hold). */
  enabled: read.bool('RETENTION_ENABLED', true),
  intervalMs: read.duration('RETENTION_INTERVAL', '10m'),
  /** Rows one statement deletes or anonymises: short statements, short locks. */
  batchSize: read.integer('RETENTION_BATCH_SIZE', 1000, 1, 100_000),
  /** A run stops starting new batches after this long; the next run goes on. */
  runBudgetMs: read.duration('RETENTION_RUN_BUDGET', '2m'),
  /** A pause between two batches, so other writers get the locks and the I/O in between. */
  batchPauseMs: read.integer('RETENTION_BATCH_PAUSE_MS', 0, 0, 60_000),
  periods: {
    /** Published outbox rows: a replay window for operators; unpublished rows are never pruned. */
    outboxPublished: read.duration('RETENTION_OUTBOX_PUBLISHED', '7d'),
    /** Inbox rows: the redelivery horizon (longer than the bus keeps messages and any dead-letter replay). */
    inboxHandled: read.duration('RETENTION_INBOX_HANDLED', '30d'),
    idempotencyKeys: read.duration('RETENTION_IDEMPOTENCY_KEYS', '2d'),
    deadLetters: read.duration('RETENTION_DEAD_LETTERS', '90d'),
    /** PIPA safety-measure standard: access records of personal data ≥ 1 year, 2 years for large processors. */
    auditLog: read.duration('RETENTION_AUDIT_LOG', '2y'),
    readNotifications: read.duration('RETENTION_READ_NOTIFICATIONS', '90d'),
    unreadNotifications: read.duration('RETENTION_UNREAD_NOTIFICATIONS', '1y'),
    /** Slack deliveries that ended (SENT, FAILED, SKIPPED). */
    slackDeliveries: read.duration('RETENTION_SLACK_DELIVERIES', '30d'),
    /** Inactive busy slots, after their last change; at least the inbox horizon (late events). */
    busySlotTombstones: read.duration('RETENTION_BUSY_SLOT_TOMBSTONES', '60d'),
    /** Refresh tokens and revocation entries, after they expired. */
    expiredTokens: read.duration('RETENTION_EXPIRED_TOKENS', '1d'),
    /** Patient health details, after the reservation ended (care done, refund and dispute window closed). */
    patientHealth: read.duration('RETENTION_PATIENT_HEALTH', '90d'),
    /** E-Commerce Act: contract, payment and supply records 5 years; then the personal fields go, amounts stay. */
    paymentRecords: read.duration('RETENTION_PAYMENT_RECORDS', '5y'),
  },
}));

export type RetentionSettings = SettingsOf<typeof retentionSettings>;
/** The name of one retention period, e.g. 'outboxPublished'. */
export type RetentionPolicy = keyof RetentionSettings['periods'];
