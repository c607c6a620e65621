import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';

// Issue 12, item 5 (decision 0020): wrong passwords from other addresses do not lock the owner out; one
// pair slows down exponentially; one address is cut after 20 failures; one email has a ceiling that a
// known device (X-Device-Token) passes.

const clock = fixedClock(new Date());
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock, env: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_EMAIL: '8' } });
});
afterAll(async () => {
  await t?.close();
});

let addresses = 0;
const newAddress = () => {
  addresses += 1;
  return `198.51.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
};
const attempt = (email: string, password: string, remoteAddress: string, deviceToken?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { email, password },
    ...(deviceToken ? { headers: { 'x-device-token': deviceToken } } : {}),
  });
const outcome = async (res: Awaited<ReturnType<typeof attempt>>) =>
  res.statusCode === 200 ? 200 : `${res.statusCode} ${res.json().code}${res.headers['retry-after'] ? ` ${res.headers['retry-after']}` : ''}`;

describe('login throttling', () => {
  let owner: TestUser;
  beforeAll(async () => {
    owner = await t.signup('GUARDIAN');
  });

  it('does not lock the owner out after 5 wrong passwords from 5 addresses', async () => {
    for (let i = 0; i < 5; i++) expect(await outcome(await attempt(owner.email, `wrong password ${i}`, newAddress()))).toBe('401 INVALID_CREDENTIALS');
    const res = await attempt(owner.email, owner.password, newAddress());
    expect(res.statusCode).toBe(200);
    expect(res.json().deviceToken).toEqual(expect.any(String));
  });

  it('slows one (email, address) pair down exponentially, and only that pair', async () => {
    const user = await t.signup('GUARDIAN');
    const address = newAddress();
    for (let i = 0; i < 3; i++) expect(await outcome(await attempt(user.email, 'wrong password', address))).toBe('401 INVALID_CREDENTIALS');
    // Even the right password waits: the pair cannot tell a guess from the owner.
    expect(await outcome(await attempt(user.email, user.password, address))).toBe('429 TOO_MANY_ATTEMPTS 2');
    expect(await outcome(await attempt(user.email, user.password, newAddress()))).toBe(200);
    const waits: unknown[] = [];
    for (const wait of [2, 4, 8]) {
      clock.advance(wait * 1000 - 1);
      expect(await outcome(await attempt(user.email, 'wrong password', address))).toBe('429 TOO_MANY_ATTEMPTS 1');
      clock.advance(1);
      expect(await outcome(await attempt(user.email, 'wrong password', address))).toBe('401 INVALID_CREDENTIALS');
      waits.push(await outcome(await attempt(user.email, 'wrong password', address)));
    }
    expect(waits).toEqual(['429 TOO_MANY_ATTEMPTS 4', '429 TOO_MANY_ATTEMPTS 8', '429 TOO_MANY_ATTEMPTS 16']);
    clock.advance(16_000);
    expect(await outcome(await attempt(user.email, user.password, address))).toBe(200);
    // A success starts the pair afresh.
    expect(await outcome(await attempt(user.email, 'wrong password', address))).toBe('401 INVALID_CREDENTIALS');
    expect(await outcome(await attempt(user.email, user.password, address))).toBe(200);
  });

  it('answers 429 to an address after 20 failures across any emails, even with a right password', async () => {
    const address = newAddress();
    const user = await t.signup('CAREGIVER');
    const answers: unknown[] = [];
    for (let i = 0; i < 20; i++) answers.push(await outcome(await attempt(`nobody-${i}-${Date.now()}@example.com`, 'whatever password', address)));
    expect(answers).toEqual(Array(20).fill('401 INVALID_CREDENTIALS'));
    expect(await outcome(await attempt(user.email, user.password, address))).toBe('429 TOO_MANY_ATTEMPTS 900');
    expect(await outcome(await attempt(user.email, user.password, newAddress()))).toBe(200);
  });

  it('caps the failures of one email across addresses, except for a known device of that account', async () => {
    const user = await t.signup('GUARDIAN');
    const other = await t.signup('GUARDIAN');
    const mine = (await attempt(user.email, user.password, newAddress())).json().deviceToken as string;
    const theirs = (await attempt(other.email, other.password, newAddress())).json().deviceToken as string;
    for (let i = 0; i < 8; i++) expect(await outcome(await attempt(user.email, 'wrong password', newAddress()))).toBe('401 INVALID_CREDENTIALS');
    expect(await outcome(await attempt(user.email, user.password, newAddress()))).toBe('429 TOO_MANY_ATTEMPTS 900');
    expect(await outcome(await attempt(user.email, user.password, newAddress(), theirs))).toBe('429 TOO_MANY_ATTEMPTS 900');
    expect(await outcome(await attempt(user.email, user.password, newAddress(), `${mine.slice(0, -3)}AAA`))).toBe('429 TOO_MANY_ATTEMPTS 900');
    expect(await outcome(await attempt(user.email, 'wrong password', newAddress(), mine))).toBe('401 INVALID_CREDENTIALS');
    expect(await outcome(await attempt(user.email, user.password, newAddress(), mine))).toBe(200);
    // That success lifts the ceiling for everyone again.
    expect(await outcome(await attempt(user.email, user.password, newAddress()))).toBe(200);
  });

  it('gives a device token at login only, not on refresh', async () => {
    const res = await attempt(owner.email, owner.password, newAddress());
    const pair = res.json();
    expect(Object.keys(pair).sort()).toEqual(['accessToken', 'deviceToken', 'expiresIn', 'refreshToken', 'tokenType']);
    const refreshed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(Object.keys(refreshed.json()).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'tokenType']);
    // The device token is no access token.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: { authorization: `Bearer ${pair.deviceToken}` } })).statusCode).toBe(401);
  });
});
