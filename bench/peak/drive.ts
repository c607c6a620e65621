// Drives the peak scenario. The reads (95 of every 100 requests) go through autocannon: `connections`
// connections, each paced at `rate` requests/s (one connection stands for ~43 families at the scenario's
// real think times, see docs/performance.md), split evenly over one or more app ports, each walking the
// read steps of the visit cycle from its own random starting point. The booking flows (book, accept, pay,
// checkout, confirm: 1 % bookings, 5 % of requests) run beside them as sequential flows started at the
// matching pace, because each step needs the answer of the one before (autocannon's per-connection context
// does not survive its rate pauses and reconnects, so chained steps there came out truncated).
import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { percentile } from '../http-client.ts';
import type { PeakData } from './accounts.ts';
import { bookingBody, cycle, quoteQuery, searchQueries } from './scenario.ts';

export interface DriveOptions {
  readonly connections: number;
  readonly rate: number;
  readonly seconds: number;
}

export interface StepCount {
  ok: number;
  /** 409 RESERVATION_OVERLAP on `book`: expected for the deliberate collisions, not an error. */
  overlap: number;
  other: number;
  /** Status codes of the `other` answers; `no answer (<reason>)` for timeouts and connection errors. */
  codes: Record<string, number>;
}

export interface DriveResult {
  readonly seconds: number;
  readonly requests: number;
  readonly tps: number;
  readonly latencyMs: { average: number; p50: number; p95: number; p99: number; max: number };
  /** Connection errors and timeouts, plus answers other than 2xx (409 overlaps apart). */
  readonly errors: number;
  readonly steps: Record<string, StepCount>;
}

const ORDER = cycle();
const READS = ORDER.filter((s) => !['book', 'accept', 'pay', 'checkout', 'confirm'].includes(s));
const BOOKINGS_PER_REQUEST = ORDER.filter((s) => s === 'book').length / ORDER.length;
const QUERIES = searchQueries();
const TIMEOUT_MS = 10_000;
/** Bookings made so far by this process: the warm-up's slots are not asked for again in the measured run. */
let bookings = 0;

interface Visit {
  offset?: number;
  /** What the request of cycle position j asked (pipelining 1: one request per position in flight). */
  sent: Record<number, { step: string; query?: string }>;
  next?: { query: string; cursor: string };
  caregiverId?: string;
}

export async function drive(ports: readonly number[], data: PeakData, options: DriveOptions): Promise<DriveResult> {
  const steps: Record<string, StepCount> = Object.fromEntries([...new Set(ORDER)].map((s) => [s, { ok: 0, overlap: 0, other: 0, codes: {} }]));
  const latencies: number[] = [];
  let n = 0;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
  const count = (step: string, status: number, body: string) => {
    const c = steps[step]!;
    if (status >= 200 && status < 300) c.ok += 1;
    else if (step === 'book' && status === 409 && body.includes('RESERVATION_OVERLAP')) c.overlap += 1;
    else {
      c.other += 1;
      const key = status === 0 ? `no answer (${body || 'error'})` : String(status);
      c.codes[key] = (c.codes[key] ?? 0) + 1;
    }
  };

  /** The read at cycle position j for this connection now. */
  function build(j: number, v: Visit): { method: string; path: string } {
    if (v.offset === undefined) v.offset = Math.floor(Math.random() * READS.length);
    const step = READS[(j + v.offset) % READS.length]!;
    n += 1;
    let path: string;
    let query: string | undefined;
    if (step === 'search' || (step === 'search next page' && !v.next)) {
      query = pick(QUERIES);
      path = `/api/v1/caregivers?${query}`;
    } else if (step === 'search next page') {
      query = v.next!.query;
      path = `/api/v1/caregivers?${query}&cursor=${encodeURIComponent(v.next!.cursor)}`;
    } else if (step === 'profile') {
      v.caregiverId = pick(data.caregiverIds);
      path = `/api/v1/caregivers/${v.caregiverId}`;
    } else if (step === 'reviews') path = `/api/v1/caregivers/${v.caregiverId ?? pick(data.caregiverIds)}/reviews?limit=20`;
    else if (step === 'top') path = '/api/v1/caregivers/top?limit=10';
    else path = `/api/v1/quotes?${quoteQuery(v.caregiverId ?? pick(data.caregiverIds), n)}`;
    v.sent[j] = { step, query };
    return { method: 'GET', path };
  }

  function answered(j: number, status: number, body: string, v: Visit): void {
    const sent = v.sent[j];
    if (!sent) return;
    count(sent.step, status, body);
    if (sent.query !== undefined) {
      const cursor = status === 200 ? (JSON.parse(body) as { nextCursor: string | null }).nextCursor : null;
      v.next = cursor ? { query: sent.query, cursor } : undefined;
    }
  }

  const requests = READS.map((_, j) => ({
    setupRequest: (req: Record<string, unknown>, context: Visit) => {
      context.sent ??= {};
      return Object.assign(req, build(j, context));
    },
    onResponse: (status: number, body: string, context: Visit) => answered(j, status, body, context),
  }));

  const started = performance.now();
  const until = Date.now() + options.seconds * 1000;
  const readers = ports.map((port, i) => {
    const connections = Math.floor(options.connections / ports.length) + (i < options.connections % ports.length ? 1 : 0);
    const instance = autocannon({
      url: `http://127.0.0.1:${port}`, connections, connectionRate: options.rate, duration: options.seconds,
      requests: requests as never, timeout: TIMEOUT_MS / 1000,
    }) as unknown as Promise<autocannon.Result> & EventEmitter; // the tracker: a promise that also emits events
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    return instance;
  });

  // Booking flows at the scenario's share of the offered load, spread over the replicas.
  const flows: Promise<void>[] = [];
  const flowsPerSecond = options.connections * options.rate * BOOKINGS_PER_REQUEST;
  async function call(step: string, port: number, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown> | undefined> {
    const t0 = performance.now();
    let status: number;
    let text: string;
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method, signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify(body ?? {}),
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      status = 0;
      const e = error as Error & { cause?: { code?: string } };
      text = e.cause?.code ?? e.name;
    }
    latencies.push(performance.now() - t0);
    count(step, status, text);
    return status >= 200 && status < 300 ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  }
  async function bookingFlow(port: number): Promise<void> {
    // Distinct slots per caregiver; every 10th booking asks again for the slot just booked (a second family).
    const k = bookings++;
    const m = k % 10 === 9 ? k - 1 : k;
    const caregiver = data.bookables[m % data.bookables.length]!;
    const guardian = data.guardians[k % data.guardians.length]!.token;
    const reservation = await call('book', port, 'POST', '/api/v1/reservations', guardian, bookingBody(caregiver.caregiverId, Math.floor(m / data.bookables.length)));
    if (!reservation) return;
    if (!(await call('accept', port, 'POST', `/api/v1/reservations/${String(reservation.id)}/accept`, caregiver.token))) return;
    const payment = await call('pay', port, 'POST', '/api/v1/payments', guardian, { reservationId: reservation.id });
    if (!payment) return;
    const redirect = await call('checkout', port, 'POST', '/api/v1/payments/sandbox/checkout', guardian, { orderId: payment.orderId, outcome: 'success' });
    if (!redirect) return;
    await call('confirm', port, 'POST', '/api/v1/payments/confirm', guardian, redirect, { 'idempotency-key': randomUUID() });
  }
  const starter = (async () => {
    for (let f = 0; Date.now() < until; f++) {
      flows.push(bookingFlow(ports[f % ports.length]!));
      await new Promise((r) => setTimeout(r, 1000 / flowsPerSecond));
    }
  })();

  const results = await Promise.all(readers);
  await starter;
  await Promise.all(flows);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const total = latencies.length;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const flowErrors = ['book', 'accept', 'pay', 'checkout', 'confirm'].reduce((s, name) => s + steps[name]!.other, 0);
  return {
    seconds: r1(seconds),
    requests: total,
    tps: r1(total / seconds),
    latencyMs: { average: r1(latencies.reduce((s, x) => s + x, 0) / Math.max(1, total)), p50: r1(percentile(latencies, 50)), p95: r1(percentile(latencies, 95)), p99: r1(percentile(latencies, 99)), max: r1(latencies.at(-1) ?? 0) },
    errors: results.reduce((s, r) => s + r.errors + r.non2xx, 0) + flowErrors, // autocannon counts timeouts among errors
    steps,
  };
}
