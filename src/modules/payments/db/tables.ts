import type { ColumnType } from 'kysely';
import { typed } from '../../../platform/db/repository.ts';
import type { PaymentProviderName } from '../settings.ts';
import type { PaymentCancel, StoredStatus } from '../domain/payment-state.ts';
import type { RefundReason, RefundStatus } from '../domain/refund.ts';

// The payments schema as Kysely sees it (db/migrations/0001-payments.sql); repositories narrow the shared handle with `q`.

/** jsonb: read back as JSON, written as a JSON string (node-postgres would make a JS array a PG array). */
type Json<T> = ColumnType<T, string, string>;

export interface PaymentsTable {
  id: string;
  reservation_id: string;
  guardian_id: string;
  caregiver_user_id: string;
  /** The caregiver's profile id; NULL only on payments opened before it was kept (0002-admin-list.sql). */
  caregiver_id: string | null;
  order_id: string;
  order_name: string;
  amount: number;
  status: StoredStatus;
  provider: PaymentProviderName;
  payment_key: string | null;
  method: string | null;
  approved_at: Date | null;
  receipt_url: string | null;
  balance_amount: number;
  cancels: Json<PaymentCancel[]>;
  failure_code: string | null;
  failure_message: string | null;
  confirm_attempts: number;
  confirm_key_generation: number;
  last_confirm_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface CustomersTable {
  guardian_id: string;
  customer_key: string;
  created_at: Date;
}

export interface PaymentsTables {
  'payments.payments': PaymentsTable;
  'payments.customers': CustomersTable;
  'payments.refunds': RefundsTable;
  'payments.sandbox_entries': { key: string; value: string; updated_at: ColumnType<Date, Date | undefined, Date> };
}

export interface RefundsTable {
  id: string;
  payment_id: string;
  reservation_id: string;
  reason: RefundReason;
  cancel_reason: string;
  amount: number | null;
  idempotency_key: string;
  key_generation: number;
  status: RefundStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  refunded_amount: number | null;
  transaction_key: string | null;
  source_event_id: string;
  created_at: Date;
  completed_at: Date | null;
}

export const q = typed<PaymentsTables>;
