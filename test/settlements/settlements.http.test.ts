import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { kstDate } from '../../src/platform/kst.ts';
import { startTestApp, type TestApp, type TestUser } from '../support/app.ts';
import { getAs } from '../admin/support.ts';
import { databaseKinds } from '../support/database.ts';
import { caregiverRef, completedReservation, counts, DAY, HOUR, type CaregiverRef } from './support.ts';

// The settlement routes over HTTP: validation, admin runs / preview / lists / detail / pay / CSV, and the
// caregiver's own settlements and earnings (others' are 404).

interface SettlementJson {
  id: string;
  caregiverId: string;
  caregiverName: string;
  status: string;
  netAmount: number;
  grossAmount: number;
  lines: { reservationId: string }[];
}

describe.each(databaseKinds())('settlements over HTTP on %s', (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let mine: TestUser;
  let other: TestUser;
  let guardian: TestUser;
  let myRef: CaregiverRef;
  let otherRef: CaregiverRef;
  const now = Date.now();
  const period = { periodStart: new Date(now - 20 * DAY).toISOString(), periodEnd: new Date(now - 13 * DAY).toISOString() };
  let run: { run: { id: string; settlementCount: number }; items: SettlementJson[] };

  const post = (user: TestUser | undefined, url: string, payload: unknown) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: user?.auth ?? {}, payload: payload as object });

  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = await t.signup('ADMIN');
    mine = await t.signup('CAREGIVER');
    other = await t.signup('CAREGIVER');
    guardian = await t.signup('GUARDIAN');
    myRef = caregiverRef(mine.userId, '김영희');
    otherRef = caregiverRef(other.userId, '=HYPERLINK("http://evil")');
    await completedReservation(t, myRef, 150_000, new Date(now - 18 * DAY));
    await completedReservation(t, myRef, 12_345, new Date(now - 17 * DAY));
    await completedReservation(t, otherRef, 80_000, new Date(now - 16 * DAY));
    // Finished an hour ago: unsettled, this month (unless the month just began).
    await completedReservation(t, myRef, 30_000, new Date(now - HOUR));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('refuses bad periods with 400 INVALID_PERIOD on periodEnd', async () => {
    const at = (ms: number) => new Date(ms).toISOString();
    for (const body of [
      { periodStart: at(now - DAY), periodEnd: at(now - DAY) },
      { periodStart: at(now - DAY), periodEnd: at(now - 2 * DAY) },
      { periodStart: at(now - DAY), periodEnd: at(now + DAY) },
    ]) {
      for (const url of ['/admin/settlements/runs', '/admin/settlements/runs/preview']) {
        const response = await post(admin, url, body);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ code: 'INVALID_PERIOD', errors: [{ field: 'periodEnd' }] });
      }
    }
    const missing = await post(admin, '/admin/settlements/runs', { periodStart: at(now - DAY) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('VALIDATION_FAILED');
    expect((await post(mine, '/admin/settlements/runs', period)).statusCode).toBe(403);
    expect((await post(undefined, '/admin/settlements/runs', period)).statusCode).toBe(401);
  });

  it('previews without writing, then runs: 201 with the run and one settlement per caregiver', async () => {
    const before = await counts(t);
    const preview = await post(admin, '/admin/settlements/runs/preview', period);
    expect(preview.statusCode).toBe(200);
    const items = preview.json().items as Array<SettlementJson & { runId: null }>;
    expect(items.map((s) => [s.id, s.runId, s.caregiverName, s.grossAmount])).toEqual([
      [null, null, '=HYPERLINK("http://evil")', 80_000],
      [null, null, '김영희', 162_345],
    ]);
    expect(await counts(t)).toEqual(before);

    const response = await post(admin, '/admin/settlements/runs', period);
    expect(response.statusCode).toBe(201);
    run = response.json();
    expect(run.run).toMatchObject({ trigger: 'MANUAL', settlementCount: 2, grossAmount: 242_345, commissionAmount: 24_235, netAmount: 218_110, createdBy: admin.userId });
    expect(run.items.find((s) => s.caregiverName === '김영희')).toMatchObject({ commissionAmount: 16_235, netAmount: 146_110, status: 'PENDING', runId: run.run.id });

    const runs = await getAs(t, admin, '/admin/settlements/runs');
    expect(runs.json().items[0]).toMatchObject({ id: run.run.id });
  });

  it('lists and filters settlements for admins, with a detail and 404s', async () => {
    const all = (await getAs(t, admin, '/admin/settlements')).json();
    expect(all.items.map((s: SettlementJson) => s.id).sort()).toEqual(run.items.map((s) => s.id).sort());
    const byCaregiver = (await getAs(t, admin, '/admin/settlements', { caregiverId: myRef.caregiverId })).json();
    expect(byCaregiver.items).toHaveLength(1);
    const paid = (await getAs(t, admin, '/admin/settlements', { status: 'PAID' })).json();
    expect(paid.items).toHaveLength(0);
    const outside = (await getAs(t, admin, '/admin/settlements', { from: new Date(now - 10 * DAY).toISOString(), to: new Date(now).toISOString() })).json();
    expect(outside.items).toHaveLength(0);
    const overlapping = (await getAs(t, admin, '/admin/settlements', { from: new Date(now - 14 * DAY).toISOString() })).json();
    expect(overlapping.items).toHaveLength(2);
    const page = (await getAs(t, admin, '/admin/settlements', { limit: '1' })).json();
    expect(page.items).toHaveLength(1);
    expect((await getAs(t, admin, '/admin/settlements', { cursor: page.nextCursor, limit: '1' })).json().items).toHaveLength(1);

    const id = run.items[0]!.id;
    expect((await getAs(t, admin, `/admin/settlements/${id}`)).json()).toMatchObject({ id, lines: run.items[0]!.lines });
    for (const missing of [newId(), 'not-a-uuid']) {
      const response = await getAs(t, admin, `/admin/settlements/${missing}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('SETTLEMENT_NOT_FOUND');
    }
    expect((await getAs(t, admin, '/admin/settlements', { from: 'yesterday' })).statusCode).toBe(400);
  });

  it('shows a caregiver only their own settlements', async () => {
    const own = (await getAs(t, mine, '/settlements')).json();
    expect(own.items.map((s: SettlementJson) => s.caregiverName)).toEqual(['김영희']);
    const ownId = own.items[0].id as string;
    expect((await getAs(t, mine, `/settlements/${ownId}`)).statusCode).toBe(200);
    const foreign = await getAs(t, other, `/settlements/${ownId}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('SETTLEMENT_NOT_FOUND');
    expect((await getAs(t, other, '/settlements')).json().items.map((s: SettlementJson) => s.caregiverName)).toEqual(['=HYPERLINK("http://evil")']);
    expect((await getAs(t, guardian, '/settlements')).statusCode).toBe(403);
    expect((await getAs(t, admin, '/settlements')).statusCode).toBe(403);
  });

  it('pays once: 200 PAID, then 409; unknown 404; a bad reference 400', async () => {
    const id = run.items.find((s) => s.caregiverName === '김영희')!.id;
    expect((await post(admin, `/admin/settlements/${id}/pay`, { transferReference: 'x'.repeat(101) })).statusCode).toBe(400);
    const paid = await post(admin, `/admin/settlements/${id}/pay`, { transferReference: '국민 123-456' });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ id, status: 'PAID', transferReference: '국민 123-456', payoutProvider: 'manual' });
    expect(typeof paid.json().paidAt).toBe('string');
    const again = await post(admin, `/admin/settlements/${id}/pay`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SETTLEMENT_ALREADY_PAID');
    // No body at all is the same as {}.
    const bare = await t.app.inject({ method: 'POST', url: `/api/v1/admin/settlements/${id}/pay`, headers: admin.auth });
    expect(bare.statusCode).toBe(409);
    const unknown = await post(admin, `/admin/settlements/${newId()}/pay`, {});
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('SETTLEMENT_NOT_FOUND');
    const audit = await t.platform.database.db.selectFrom('platform.audit_log').select('action').where('resource_id', '=', id).execute();
    expect(audit.map((row) => row.action)).toEqual(['settlement.pay']);
  });

  it('sums up a caregiver\'s earnings', async () => {
    const summary = (await getAs(t, mine, '/settlements/summary')).json();
    expect(summary).toMatchObject({
      unsettled: { netAmount: 27_000, reservationCount: 1 },
      pending: { netAmount: 0, count: 0 },
      paid: { netAmount: 146_110, count: 1 },
      nextPayoutDate: null,
      commissionRate: 0.1,
    });
    // The reservation finished an hour ago counts this month unless the KST month began within that hour.
    const sameMonth = kstDate(now).slice(0, 7) === kstDate(now - HOUR).slice(0, 7);
    expect(summary.thisMonth.reservationCount).toBe(sameMonth ? 1 : 0);
    expect(summary.thisMonth.netAmount + summary.thisMonth.commissionAmount).toBe(summary.thisMonth.grossAmount);
  });

  it('exports CSV for Korean Excel: BOM, Korean headers, plain numbers, KST times, formulas defused', async () => {
    const response = await getAs(t, admin, '/admin/settlements/export.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="settlements-\d{8}\.csv"$/);
    const raw = response.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('간병인,정산 시작,정산 종료,총액,수수료,지급액,상태,지급일,이체 참조,정산ID,간병인ID');
    expect(lines.at(-1)).toBe('');
    const mineRow = lines.find((line) => line.includes('김영희'))!;
    expect(mineRow).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2},\d{4}-\d{2}-\d{2} \d{2}:\d{2},162345,16235,146110,지급 완료,\d{4}-\d{2}-\d{2} \d{2}:\d{2},국민 123-456,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    const evil = lines.find((line) => line.includes('HYPERLINK'))!;
    expect(evil.startsWith(`"'=HYPERLINK(""http://evil"")",`)).toBe(true);
    expect((await getAs(t, admin, '/admin/settlements/export.csv', { status: 'PENDING' })).body.split('\r\n')).toHaveLength(3);
    expect((await getAs(t, mine, '/admin/settlements/export.csv')).statusCode).toBe(403);
  });
});
