/**
 * The requests that were 500s or stalled the server, one by one: a NUL in an unauthenticated
 * login, `environment=%00`, year 0000, forged cursors whose parts have the wrong type, and a
 * viewer's report over 0001-01-01..9999-12-31. Also the period cap (default and configured) and
 * the report statement timeout, which PostgreSQL enforces and PGlite cannot.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withStatementTimeout } from '../../src/api/limits.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { addRepository, apiFixture, bearer, type ApiFixture } from './fixture.ts';

const cursor = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describeEachDb('API input limits', (handle) => {
  let f: ApiFixture;
  let tight: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(handle, 'limits');
    tight = await apiFixture(handle, 'tight', { limits: { maxRangeDays: 30, reportTimeoutMs: 1 } });
    await addRepository(handle.db, 'api', [f.tenants.a.id]);
  });
  afterAll(async () => {
    await f?.close();
    await tight?.close();
  });

  const get = (url: string, query: Record<string, string>, app = f) =>
    app.app.inject({ method: 'GET', url: `/api/v1${url}`, query, headers: bearer(app.tokens.viewer) });

  it('a NUL in the unauthenticated login is a 400', async () => {
    for (const payload of [
      { email: `viewer-limits@a.example\u0000`, password: 'x' },
      { email: 'viewer-limits@a.example', password: 'x', tenant: 'a-limits\u0000' },
    ]) {
      const res = await f.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('environment=%00 and a NUL in a path parameter are 400s naming the field', async () => {
    const env = await f.app.inject({
      method: 'GET',
      url: '/api/v1/deployments?environment=%00',
      headers: bearer(f.tokens.viewer),
    });
    expect(env.statusCode).toBe(400);
    expect(env.json().error).toMatchObject({ code: 'VALIDATION_FAILED', path: 'query.environment' });
    const user = await f.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/%00',
      headers: bearer(f.tokens.admin),
      payload: { role: 'member' },
    });
    expect(user.statusCode).toBe(400);
    expect(user.json().error.path).toBe('params.id');
  });

  it('year 0000 and years outside 1970..9999 are 400s on every kind of timestamp field', async () => {
    for (const [url, query] of [
      ['/metrics/dora', { from: '0000-01-01', to: '2026-01-01' }],
      ['/metrics/prs', { from: '2026-01-01', to: '0000-01-01T00:00:00Z' }],
      ['/deployments', { from: '1969-12-31' }],
      ['/pull-requests', { to: '0000-01-01T00:00:00Z' }],
    ] as const) {
      const res = await get(url, query);
      expect(res.statusCode, `${url} ${JSON.stringify(query)}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const push = await f.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: bearer(f.keys.write),
      payload: { externalId: 'y0', title: 'Old', status: 'open', startedAt: '0000-01-01T00:00:00Z' },
    });
    expect(push.statusCode).toBe(400);
    expect(push.json().error.path).toBe('body.startedAt');
  });

  it('a forged cursor is a 400 whatever part of it is wrong', async () => {
    const forged: [string, string][] = [
      ['/pull-requests', cursor(['createdAt:desc', 123, 1])],
      ['/pull-requests', cursor(['createdAt:desc', 'not a time', 1])],
      ['/pull-requests', cursor(['createdAt:desc', '0000-01-01T00:00:00.000Z', 1])],
      ['/pull-requests', cursor(['createdAt:desc', '2026-01-01T00:00:00.000Z', 1e20])],
      ['/pull-requests', cursor(['createdAt:desc', '2026-01-01T00:00:00.000Z', -1])],
      ['/pull-requests', cursor(['createdAt:desc', '2026-01-01T00:00:00.000Z', '5'])],
      ['/pull-requests', cursor(['createdAt:desc', '2026-01-01T00:00:00.000Z', 1, 'extra'])],
      ['/pull-requests', cursor({ sort: 'createdAt' })],
      ['/pull-requests', '%%%'],
      ['/repositories', cursor(['fullName:asc', 'acme/a\u0000', 1])],
      ['/repositories', cursor(['fullName:asc', 'acme/\ud800', 1])],
      ['/repositories', cursor(['fullName:asc', 42, 1])],
      ['/repositories', cursor(['fullName:asc', { a: 1 }, 1])],
    ];
    for (const [url, value] of forged) {
      const res = await get(url, { cursor: value });
      expect(res.statusCode, `${url} ${Buffer.from(value, 'base64url').toString()}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', path: 'query.cursor' });
    }
    // A cursor of the right shape and types is accepted.
    const fine = await get('/repositories', { cursor: cursor(['fullName:asc', 'acme/a', 1]) });
    expect(fine.statusCode).toBe(200);
    expect(fine.json().items.map((r: { fullName: string }) => r.fullName)).toEqual(['acme/api']);
  });

  it('0001-01-01..9999-12-31 is refused at once; a period over ten years is DATE_RANGE_TOO_LARGE', async () => {
    const started = Date.now();
    const ancient = await get('/metrics/dora', { from: '0001-01-01', to: '9999-12-31' });
    expect(ancient.statusCode).toBe(400);
    expect(ancient.json().error).toMatchObject({ code: 'VALIDATION_FAILED', path: 'query.from' });
    const wide = await get('/metrics/dora', { from: '1970-01-01', to: '9999-12-31' });
    expect(wide.statusCode).toBe(400);
    expect(wide.json().error).toMatchObject({
      code: 'DATE_RANGE_TOO_LARGE',
      hint: expect.stringContaining('PULSE_API_MAX_RANGE_DAYS'),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    // 2016-01-01..2026-01-01 is 3,653 days (three leap years): the longest period allowed.
    const tenYears = await get('/metrics/prs', {
      from: '2016-01-01',
      to: '2026-01-01',
      granularity: 'month',
    });
    expect(tenYears.statusCode, tenYears.body.slice(0, 200)).toBe(200);
    const dayMore = await get('/metrics/prs', { from: '2016-01-01', to: '2026-01-02' });
    expect(dayMore.statusCode).toBe(400);
    expect(dayMore.json().error.code).toBe('DATE_RANGE_TOO_LARGE');
    // Listings with both bounds are capped too; one bound alone is no period.
    const list = await get('/deployments', { from: '1970-01-01', to: '2026-01-01' });
    expect(list.statusCode).toBe(400);
    expect(list.json().error.code).toBe('DATE_RANGE_TOO_LARGE');
    expect((await get('/deployments', { from: '1970-01-01' })).statusCode).toBe(200);
  });

  it('the period limit is the configured one', async () => {
    const over = await get('/metrics/prs', { from: '2026-01-01', to: '2026-02-01' }, tight);
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toContain('at most 30');
    const listed = await get('/incidents', { from: '2026-01-01', to: '2026-02-01' }, tight);
    expect(listed.json().error.code).toBe('DATE_RANGE_TOO_LARGE');
  });

  it.runIf(handle.backend === 'postgres')(
    'a report past the statement timeout is a 503 REPORT_TIMEOUT (PostgreSQL)',
    async () => {
      // 30 days by the day; with a 1 ms statement timeout the report's queries are cancelled.
      const res = await get(
        '/metrics/dora',
        { from: '2026-01-01', to: '2026-01-31', granularity: 'day' },
        tight,
      );
      expect(res.statusCode, res.body.slice(0, 200)).toBe(503);
      expect(res.json().error.code).toBe('REPORT_TIMEOUT');
    },
  );

  it('withStatementTimeout cancels a slow statement on PostgreSQL; PGlite runs it to the end', async () => {
    const bounded = withStatementTimeout(handle.db, 100);
    const slow = bounded.transaction((tx) => tx.query('select pg_sleep(1)'));
    if (handle.backend === 'postgres') await expect(slow).rejects.toMatchObject({ code: 'REPORT_TIMEOUT' });
    else await expect(slow).resolves.toBeDefined();
    // The limit is the transaction's own: the next one on the same database has none.
    const after = await handle.db.transaction((tx) =>
      tx.query<{ statement_timeout: string }>('show statement_timeout'),
    );
    expect(after.rows[0]!.statement_timeout).toBe('0');
  });
});
