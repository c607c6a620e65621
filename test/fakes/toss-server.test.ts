import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeToss, type FakeToss } from './toss-server.ts';

// The fake's own behaviour over raw HTTP, so the client tests rest on a fake that does what Toss's docs say.

describe('fake Toss server', () => {
  let fake: FakeToss;
  let auth: string;

  beforeEach(async () => {
    fake = await startFakeToss({ secretKey: 'test_sk_fake' });
    auth = `Basic ${Buffer.from('test_sk_fake:').toString('base64')}`;
  });
  afterEach(async () => {
    await fake.close();
  });

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(fake.url + path, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('answers 401 UNAUTHORIZED_KEY to a wrong, missing or colon-less key', async () => {
    expect(await call('GET', '/v1/payments/x', undefined, { authorization: `Basic ${Buffer.from('test_sk_other:').toString('base64')}` })).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED_KEY' } });
    expect(await call('GET', '/v1/payments/x', undefined, { authorization: `Basic ${Buffer.from('test_sk_fake').toString('base64')}` })).toMatchObject({ status: 401 });
    expect(await call('GET', '/v1/payments/x', undefined, { authorization: '' })).toMatchObject({ status: 401 });
    expect(await call('GET', '/v1/payments/x')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND_PAYMENT' } });
  });

  it('answers a Payment object shaped as Toss documents it', async () => {
    const paymentKey = fake.createPendingPayment({ orderId: 'order-000001', amount: 11_000 });
    const { status, body } = await call('POST', '/v1/payments/confirm', { paymentKey, orderId: 'order-000001', amount: 11_000 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ paymentKey, orderId: 'order-000001', status: 'DONE', method: '카드', totalAmount: 11_000, balanceAmount: 11_000, cancels: null, receipt: { url: expect.any(String) } });
    expect(body.approvedAt).toMatch(/\+09:00$/);
    expect(fake.charges).toEqual([{ paymentKey, orderId: 'order-000001', amount: 11_000 }]);
  });

  it('replays by Idempotency-Key + URL + method, whatever the body', async () => {
    const first = fake.createPendingPayment({ orderId: 'order-000002', amount: 5_000 });
    const second = fake.createPendingPayment({ orderId: 'order-000003', amount: 5_000 });
    const a = await call('POST', '/v1/payments/confirm', { paymentKey: first, orderId: 'order-000002', amount: 5_000 }, { 'idempotency-key': 'same' });
    const b = await call('POST', '/v1/payments/confirm', { paymentKey: second, orderId: 'order-000003', amount: 5_000 }, { 'idempotency-key': 'same' });
    expect(b).toEqual(a);
    expect(fake.payment(second)?.status).toBe('IN_PROGRESS');
  });

  it('answers faults without processing, and delays answers after processing', async () => {
    const paymentKey = fake.createPendingPayment({ orderId: 'order-000004', amount: 5_000 });
    fake.failNext(1, 503);
    expect((await call('POST', '/v1/payments/confirm', { paymentKey, orderId: 'order-000004', amount: 5_000 })).status).toBe(503);
    expect(fake.payment(paymentKey)?.status).toBe('IN_PROGRESS');

    fake.delayNext(100);
    const started = Date.now();
    expect((await call('GET', `/v1/payments/${paymentKey}`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(fake.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('posts PAYMENT_STATUS_CHANGED webhooks with the payment as data', async () => {
    const received: unknown[] = [];
    const receiver = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        received.push(JSON.parse(text));
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const paymentKey = fake.createPendingPayment({ orderId: 'order-000005', amount: 5_000 });
      const status = await fake.sendWebhook(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, paymentKey);
      expect(status).toBe(200);
      expect(received).toEqual([{ eventType: 'PAYMENT_STATUS_CHANGED', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/), data: expect.objectContaining({ paymentKey, status: 'IN_PROGRESS' }) }]);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
