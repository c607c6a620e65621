import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for Toss Payments' core API v1, written from docs.tosspayments.com (payment
// confirm / lookup / cancel APIs, the Payment object, error codes, Idempotency-Key, webhooks), so
// the real client (src/modules/payments/providers/toss.ts) is tested over HTTP as it will run.
// It shares no code with the client or the sandbox: a misreading of the docs in one is not copied
// into the other. Tests drive it through test-only functions: createPendingPayment plays the payer in
// the widget, failNext/delayNext inject faults, `requests` and `charges` are there to assert on.

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface Charge {
  paymentKey: string;
  orderId: string;
  amount: number;
}

/** Toss's Payment object, the fields Toss documents (most of them null here, as for a plain card payment). */
export type TossPaymentJson = Record<string, unknown> & {
  paymentKey: string;
  orderId: string;
  status: string;
  totalAmount: number;
  balanceAmount: number;
  cancels: Record<string, unknown>[] | null;
};

export interface FakeToss {
  readonly url: string;
  readonly secretKey: string;
  /** Every request that reached the server, faulted ones included, oldest first. */
  readonly requests: RecordedRequest[];
  /** Every approval that moved money: a double charge shows as two entries for one order. */
  readonly charges: Charge[];
  /** The payer authorised a payment in the widget: IN_PROGRESS, waiting for confirm. Returns its paymentKey. */
  createPendingPayment(input: { orderId: string; amount: number; card?: 'ok' | 'declined' }): string;
  payment(paymentKey: string): TossPaymentJson | undefined;
  /** The next `count` requests are answered with `status` and not processed; 0 clears pending faults. */
  failNext(count: number, status?: number): void;
  /** The next `count` requests are processed at once but answered `ms` later (a slow or lost answer). */
  delayNext(ms: number, count?: number): void;
  /** Posts a PAYMENT_STATUS_CHANGED event as Toss would; returns the receiver's HTTP status. */
  sendWebhook(url: string, payment: string | TossPaymentJson): Promise<number>;
  close(): Promise<void>;
}

const CONFIRM_WINDOW_MS = 10 * 60_000;
const CANCEL_SPACING_MS = 1_000;

function kst(at: Date): string {
  return `${new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}

/** Webhook createdAt: local Korean time without an offset, with fractions, as in Toss's examples. */
function kstLocal(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 23);
}

const transactionKey = () => randomBytes(16).toString('hex').toUpperCase();

interface Answer {
  status: number;
  body: unknown;
}

const error = (status: number, code: string, message: string): Answer => ({ status, body: { code, message } });

export async function startFakeToss(options: { secretKey?: string; clock?: { now(): Date } } = {}): Promise<FakeToss> {
  const secretKey = options.secretKey ?? `test_sk_${randomBytes(12).toString('hex')}`;
  const now = () => (options.clock ?? { now: () => new Date() }).now();
  const expectedAuth = `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`;
  const payments = new Map<string, TossPaymentJson>();
  const declined = new Set<string>();
  const lastCancelAt = new Map<string, number>();
  const idempotent = new Map<string, Answer>();
  const requests: RecordedRequest[] = [];
  const charges: Charge[] = [];
  const faults: number[] = [];
  const delays: number[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let url = '';

  function byOrder(orderId: string): TossPaymentJson | undefined {
    // Several widget attempts may share an orderId; the latest one is the order's payment.
    return [...payments.values()].reverse().find((p) => p.orderId === orderId);
  }

  function confirm(body: Record<string, unknown>): Answer {
    const { paymentKey, orderId, amount } = body;
    if (typeof paymentKey !== 'string' || typeof orderId !== 'string' || typeof amount !== 'number') {
      return error(400, 'INVALID_REQUEST', '잘못된 요청입니다.');
    }
    const payment = payments.get(paymentKey);
    if (!payment || payment.orderId !== orderId) return error(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
    if (payment.status !== 'IN_PROGRESS') return error(400, 'ALREADY_PROCESSED_PAYMENT', '이미 처리된 결제 입니다.');
    if (now().getTime() - Date.parse(payment.requestedAt as string) > CONFIRM_WINDOW_MS) {
      payment.status = 'EXPIRED';
      return error(404, 'NOT_FOUND_PAYMENT_SESSION', '결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.');
    }
    if (amount !== payment.totalAmount) return error(400, 'INVALID_REQUEST', '결제 금액이 일치하지 않습니다.');
    if (declined.has(paymentKey)) {
      payment.status = 'ABORTED';
      payment.failure = { code: 'REJECT_CARD_PAYMENT', message: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.' };
      return error(403, 'REJECT_CARD_PAYMENT', '한도초과 혹은 잔액부족으로 결제에 실패했습니다.');
    }
    Object.assign(payment, {
      status: 'DONE',
      approvedAt: kst(now()),
      lastTransactionKey: transactionKey(),
      receipt: { url: `https://dashboard.tosspayments.com/receipt/redirection?transactionId=${paymentKey}&ref=PX` },
    });
    charges.push({ paymentKey, orderId, amount });
    return { status: 200, body: structuredClone(payment) };
  }

  function cancel(paymentKey: string, body: Record<string, unknown>): Answer {
    const { cancelReason, cancelAmount } = body;
    if (typeof cancelReason !== 'string' || cancelReason === '' || (cancelAmount !== undefined && typeof cancelAmount !== 'number')) {
      return error(400, 'INVALID_REQUEST', '잘못된 요청입니다.');
    }
    const payment = payments.get(paymentKey);
    if (!payment) return error(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
    if (payment.status === 'CANCELED') return error(400, 'ALREADY_CANCELED_PAYMENT', '이미 취소된 결제 입니다.');
    if (payment.status !== 'DONE' && payment.status !== 'PARTIAL_CANCELED') return error(403, 'NOT_CANCELABLE_PAYMENT', '취소 할 수 없는 결제 입니다.');
    const at = now();
    const previous = lastCancelAt.get(paymentKey);
    if (previous !== undefined && at.getTime() - previous < CANCEL_SPACING_MS) {
      return error(403, 'FORBIDDEN_CONSECUTIVE_REQUEST', '반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요.');
    }
    const amount = cancelAmount ?? payment.balanceAmount;
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > payment.balanceAmount) {
      return error(403, 'NOT_CANCELABLE_AMOUNT', '취소 할 수 없는 금액 입니다.');
    }
    const balance = payment.balanceAmount - amount;
    const key = transactionKey();
    const entry = { transactionKey: key, cancelReason, taxExemptionAmount: 0, canceledAt: kst(at), easyPayDiscountAmount: 0, receiptKey: null, cancelStatus: 'DONE', cancelRequestId: null, cancelAmount: amount, taxFreeAmount: 0, refundableAmount: balance };
    Object.assign(payment, {
      status: balance === 0 ? 'CANCELED' : 'PARTIAL_CANCELED',
      balanceAmount: balance,
      lastTransactionKey: key,
      cancels: [...(payment.cancels ?? []), entry],
    });
    lastCancelAt.set(paymentKey, at.getTime());
    return { status: 200, body: structuredClone(payment) };
  }

  function lookup(payment: TossPaymentJson | undefined): Answer {
    return payment ? { status: 200, body: structuredClone(payment) } : error(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
  }

  function route(method: string, path: string, body: unknown): Answer {
    const json = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
    if (method === 'POST' && path === '/v1/payments/confirm') return json ? confirm(json) : error(400, 'INVALID_REQUEST', '잘못된 요청입니다.');
    const byOrderId = /^\/v1\/payments\/orders\/([^/]+)$/.exec(path);
    if (method === 'GET' && byOrderId) return lookup(byOrder(decodeURIComponent(byOrderId[1]!)));
    const byKey = /^\/v1\/payments\/([^/]+)$/.exec(path);
    if (method === 'GET' && byKey) return lookup(payments.get(decodeURIComponent(byKey[1]!)));
    const cancelPath = /^\/v1\/payments\/([^/]+)\/cancel$/.exec(path);
    if (method === 'POST' && cancelPath) return json ? cancel(decodeURIComponent(cancelPath[1]!), json) : error(400, 'INVALID_REQUEST', '잘못된 요청입니다.');
    return error(404, 'NOT_FOUND', '존재하지 않는 정보 입니다.');
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = raw === '' ? undefined : raw;
    try {
      if (raw !== '') body = JSON.parse(raw);
    } catch {
      // kept as text; the route answers INVALID_REQUEST
    }
    const method = request.method ?? 'GET';
    const path = (request.url ?? '/').split('?')[0]!;
    requests.push({ method, path, headers: request.headers, body });

    const send = (answer: Answer, delayMs = 0) => {
      const write = () => {
        if (response.destroyed) return; // the client gave up (timeout); the work is done regardless
        response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer.body));
      };
      if (delayMs <= 0) return write();
      const timer = setTimeout(() => {
        timers.delete(timer);
        write();
      }, delayMs);
      timers.add(timer);
    };

    const fault = faults.shift();
    if (fault !== undefined) {
      return send(error(fault, fault >= 500 ? 'FAILED_INTERNAL_SYSTEM_PROCESSING' : 'PROVIDER_ERROR', '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.'));
    }
    const delayMs = delays.shift() ?? 0;
    if (request.headers.authorization !== expectedAuth) {
      return send(error(401, 'UNAUTHORIZED_KEY', '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.'), delayMs);
    }
    // Toss scopes a key to API key + URL + method (not the body) and replays the first answer for 15 days.
    const key = request.headers['idempotency-key'];
    const scope = method === 'POST' && typeof key === 'string' && key !== '' ? `${method} ${path} ${key}` : undefined;
    const replay = scope ? idempotent.get(scope) : undefined;
    if (replay) return send(replay, delayMs);
    const answer = route(method, path, body);
    if (scope) idempotent.set(scope, answer);
    send(answer, delayMs);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    secretKey,
    requests,
    charges,
    createPendingPayment(input) {
      const paymentKey = `tviva${randomBytes(18).toString('base64url')}`;
      const vat = Math.round(input.amount / 11);
      payments.set(paymentKey, {
        mId: 'tosspayments', version: '2022-11-16', paymentKey, orderId: input.orderId, orderName: 'CareNest 돌봄 예약', type: 'NORMAL',
        status: 'IN_PROGRESS', requestedAt: kst(now()), approvedAt: null, method: '카드', currency: 'KRW', country: 'KR',
        totalAmount: input.amount, balanceAmount: input.amount, suppliedAmount: input.amount - vat, vat, taxFreeAmount: 0, taxExemptionAmount: 0,
        isPartialCancelable: true, useEscrow: false, cultureExpense: false, lastTransactionKey: null,
        card: { issuerCode: '61', acquirerCode: '31', number: '43301234****123*', installmentPlanMonths: 0, isInterestFree: false, approveNo: '00000000', useCardPoint: false, cardType: '신용', ownerType: '개인', acquireStatus: 'READY', amount: input.amount },
        virtualAccount: null, transfer: null, mobilePhone: null, giftCertificate: null, cashReceipt: null, cashReceipts: null, discount: null, easyPay: null,
        cancels: null, failure: null, secret: null, receipt: null, metadata: null,
        checkout: { url: `${url}/v1/payments/${paymentKey}/checkout` },
      });
      if (input.card === 'declined') declined.add(paymentKey);
      return paymentKey;
    },
    payment: (paymentKey) => {
      const payment = payments.get(paymentKey);
      return payment && structuredClone(payment);
    },
    failNext(count, status = 500) {
      if (count === 0) faults.length = 0;
      for (let i = 0; i < count; i++) faults.push(status);
    },
    delayNext(ms, count = 1) {
      for (let i = 0; i < count; i++) delays.push(ms);
    },
    async sendWebhook(target, payment) {
      const data = typeof payment === 'string' ? payments.get(payment) : payment;
      if (!data) throw new Error(`fake Toss has no payment ${String(payment)}`);
      // Toss retries a non-200 answer 7 times over 3 days; tests call this again to play a retry.
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ eventType: 'PAYMENT_STATUS_CHANGED', createdAt: kstLocal(now()), data }),
      });
      await response.arrayBuffer();
      return response.status;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
