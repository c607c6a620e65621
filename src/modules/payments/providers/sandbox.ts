import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../platform/clock.ts';
import { invalid } from '../../../platform/errors.ts';
import type { CancelInput, ConfirmInput, PaymentProvider, ProviderPayment } from './provider.ts';
import { providerError, type ProviderOperation } from './provider-errors.ts';
import { ORDER_ID, cancelRule, confirmRule, newPendingPayment, publicView, type Refusal, type RuleResult, type SandboxPayment } from './sandbox-rules.ts';

// The embedded default provider: Toss without Toss. `checkout` plays the payer's part of the payment
// widget; confirm, cancel and the reads then follow Toss's rules (sandbox-rules.ts), Toss's error codes
// and Toss's Idempotency-Key replay, so the payments module cannot tell the difference.
//
// State lives in `store`, by default a Map in this process's memory: sandbox payments are gone after a
// restart (the payments module keeps its own records, so only the "provider side" is lost; a sandbox
// payment cannot be confirmed or refunded after a restart). A store with the same get/set shape as
// the platform Cache (Redis, a table) would make it survive restarts and be shared by replicas;
// the lock below is per process, so several replicas would also need a shared lock.

/** Where sandbox state is kept: JSON strings by key. The platform Cache has this shape. */
export interface SandboxStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export function createMemorySandboxStore(): SandboxStore {
  const entries = new Map<string, string>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, value) => {
      entries.set(key, value);
    },
  };
}

export interface SandboxCheckoutInput {
  orderId: string;
  amount: number;
  /** success: the payer authorised; fail: the card company refused in the widget; cancel: the payer closed it. */
  outcome: 'success' | 'fail' | 'cancel';
  /** With outcome success: 'declined' makes the approval at confirm fail (REJECT_CARD_PAYMENT), as it can at Toss. */
  card?: 'ok' | 'declined';
}

/** What Toss puts in the success redirect, or in the fail redirect. */
export type SandboxCheckoutResult =
  | { paymentKey: string; orderId: string; amount: number }
  | { code: 'PAY_PROCESS_CANCELED' | 'REJECT_CARD_COMPANY' | 'DUPLICATED_ORDER_ID'; message: string; orderId: string };

export interface SandboxProvider extends PaymentProvider {
  readonly name: 'sandbox';
  checkout(input: SandboxCheckoutInput): Promise<SandboxCheckoutResult>;
}

type Stored = { ok: true; payment: ProviderPayment } | { ok: false; refusal: Refusal };

const paymentKeyOf = (key: string) => `payment:${key}`;
const orderKeyOf = (orderId: string) => `order:${orderId}`;
// Toss scopes a key to API key + URL + method; the sandbox has one API key.
const idempotencyKeyOf = (key: string, path: string) => `idempotency:POST ${path} ${key}`;

export function createSandboxProvider(options: { clock: Clock; store?: SandboxStore }): SandboxProvider {
  const { clock } = options;
  const store = options.store ?? createMemorySandboxStore();

  // Changes to one order run one after another, so two confirms racing cannot both see IN_PROGRESS and a
  // checkout cannot slip in beside a confirm of the same order. Different orders never wait for each other
  // (one queue for all of them stalled every checkout behind a slow store under load).
  const queues = new Map<string, Promise<unknown>>();
  function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  }

  async function load(paymentKey: string): Promise<SandboxPayment | undefined> {
    const json = await store.get(paymentKeyOf(paymentKey));
    return json === undefined ? undefined : (JSON.parse(json) as SandboxPayment);
  }

  const save = (payment: SandboxPayment) => store.set(paymentKeyOf(payment.paymentKey), JSON.stringify(payment));

  function settle(stored: Stored, operation: ProviderOperation): ProviderPayment {
    if (stored.ok) return stored.payment;
    throw providerError({ ...stored.refusal, operation });
  }

  /** Applies a rule once per Idempotency-Key: a repeat gets the first answer, success or refusal. */
  function idempotent(
    lockKey: string,
    path: string,
    idempotencyKey: string,
    operation: ProviderOperation,
    apply: () => Promise<RuleResult>,
  ): Promise<ProviderPayment> {
    return serialized(lockKey, async () => {
      const scope = idempotencyKey ? idempotencyKeyOf(idempotencyKey, path) : undefined;
      const replay = scope ? await store.get(scope) : undefined;
      if (replay !== undefined) return settle(JSON.parse(replay) as Stored, operation);
      const result = await apply();
      if (result.payment) await save(result.payment);
      const stored: Stored = result.ok ? { ok: true, payment: publicView(result.payment) } : { ok: false, refusal: result.refusal };
      if (scope) await store.set(scope, JSON.stringify(stored));
      return settle(stored, operation);
    });
  }

  return {
    name: 'sandbox',

    async checkout(input: SandboxCheckoutInput): Promise<SandboxCheckoutResult> {
      if (!ORDER_ID.test(input.orderId)) throw invalid('orderId must be 6-64 characters of A-Z, a-z, 0-9, - and _');
      if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw invalid('amount must be a positive whole number of won');
      const { orderId } = input;
      if (input.outcome === 'cancel') return { code: 'PAY_PROCESS_CANCELED', message: '사용자에 의해 결제가 취소되었습니다.', orderId };
      if (input.outcome === 'fail') return { code: 'REJECT_CARD_COMPANY', message: '결제 승인이 거절되었습니다.', orderId };
      return serialized(orderKeyOf(orderId), async (): Promise<SandboxCheckoutResult> => {
        const earlierKey = await store.get(orderKeyOf(orderId));
        const earlier = earlierKey === undefined ? undefined : await load(earlierKey);
        // A payer may retry in the widget (a new paymentKey each time), but an order paid once stays paid.
        if (earlier && ['DONE', 'CANCELED', 'PARTIAL_CANCELED', 'WAITING_FOR_DEPOSIT'].includes(earlier.status)) {
          return { code: 'DUPLICATED_ORDER_ID', message: '이미 승인 및 취소가 진행된 중복된 주문번호 입니다.', orderId };
        }
        const paymentKey = `sandbox_${randomBytes(18).toString('base64url')}`;
        await save(newPendingPayment({ paymentKey, orderId, amount: input.amount, declineOnConfirm: input.card === 'declined', now: clock.now() }));
        await store.set(orderKeyOf(orderId), paymentKey);
        return { paymentKey, orderId, amount: input.amount };
      });
    },

    confirm(input: ConfirmInput) {
      return idempotent(orderKeyOf(input.orderId), '/v1/payments/confirm', input.idempotencyKey, 'confirm', async () =>
        confirmRule(await load(input.paymentKey), input, clock.now()),
      );
    },

    async getPayment(paymentKey: string) {
      const payment = await load(paymentKey);
      return payment && publicView(payment);
    },

    async getPaymentByOrderId(orderId: string) {
      const paymentKey = await store.get(orderKeyOf(orderId));
      const payment = paymentKey === undefined ? undefined : await load(paymentKey);
      return payment && publicView(payment);
    },

    cancel(input: CancelInput) {
      return idempotent(paymentKeyOf(input.paymentKey), `/v1/payments/${input.paymentKey}/cancel`, input.idempotencyKey, 'cancel', async () =>
        cancelRule(await load(input.paymentKey), { ...input, transactionKey: randomBytes(16).toString('hex').toUpperCase() }, clock.now()),
      );
    },
  };
}
