import { sql } from 'kysely';
import type { RetentionRule } from '../../../platform/retention/retention.ts';
import { affected, firstDate } from '../../../platform/retention/statements.ts';

// Payments' retention (docs/data-retention.md). The E-Commerce Act keeps payment records 5 years
// (RETENTION_PAYMENT_RECORDS); after that only the amounts must stay. A payment then loses what links it
// to a person or a card: the order name (it names the caregiver), the provider's payment key and receipt
// link, the method, the provider's messages and the cancel reasons; the guardian's and caregiver's ids
// become a fixed marker. Refunds lose their free-text reason. Amounts, statuses, times and ids stay.

export const ERASED_MARKER = 'erased';

export const paymentsRetentionRules: readonly RetentionRule[] = [
  {
    table: 'payments.payments',
    policy: 'paymentRecords',
    action: 'anonymise',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`UPDATE payments.payments
               SET guardian_id = ${ERASED_MARKER}, caregiver_user_id = ${ERASED_MARKER}, order_name = ${ERASED_MARKER},
                   payment_key = NULL, receipt_url = NULL, method = NULL, failure_message = NULL,
                   cancels = (SELECT coalesce(jsonb_agg(c - 'reason'), '[]'::jsonb) FROM jsonb_array_elements(cancels) AS c),
                   personal_data_erased_at = now()
             WHERE id IN (
               SELECT id FROM payments.payments
                WHERE personal_data_erased_at IS NULL AND created_at < ${cutoff}
                ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    oldest: (db) =>
      firstDate(db, sql<{ at: Date | null }>`SELECT min(created_at) AS at FROM payments.payments WHERE personal_data_erased_at IS NULL`),
  },
  {
    table: 'payments.refunds',
    policy: 'paymentRecords',
    action: 'anonymise',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`UPDATE payments.refunds SET cancel_reason = ${ERASED_MARKER}, last_error = NULL, personal_data_erased_at = now()
             WHERE id IN (
               SELECT id FROM payments.refunds
                WHERE personal_data_erased_at IS NULL AND status <> 'PENDING' AND created_at < ${cutoff}
                ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    oldest: (db) =>
      firstDate(
        db,
        sql<{ at: Date | null }>`SELECT min(created_at) AS at FROM payments.refunds WHERE personal_data_erased_at IS NULL AND status <> 'PENDING'`,
      ),
  },
];
