/** Prometheus /metrics: latency by route pattern, process metrics, sync totals; no tenant data. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTenant } from '@pulse/db';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { apiFixture, bearer, type ApiFixture } from './fixture.ts';

describeEachDb('Prometheus metrics', (handle) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(handle, 'prom');
  });
  afterAll(() => f?.close());

  const scrape = async () => {
    const res = await f.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    return res.body;
  };
  const value = (body: string, series: string) => {
    const line = body.split('\n').find((l) => l.startsWith(series + ' '));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('counts requests by route pattern and status, never by raw URL', async () => {
    for (let i = 0; i < 3; i++)
      await f.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(f.tokens.viewer) });
    await f.app.inject({ method: 'GET', url: '/api/v1/deployments/12345', headers: bearer(f.tokens.viewer) });
    await f.app.inject({ method: 'GET', url: '/api/v1/me' });
    const body = await scrape();
    expect(value(body, 'pulse_http_requests_total{method="GET",route="/api/v1/me",status_code="200"}')).toBe(
      3,
    );
    expect(value(body, 'pulse_http_requests_total{method="GET",route="/api/v1/me",status_code="401"}')).toBe(
      1,
    );
    expect(
      value(
        body,
        'pulse_http_request_duration_seconds_count{method="GET",route="/api/v1/deployments/:id",status_code="404"}',
      ),
    ).toBe(1);
    expect(body).not.toContain('12345');
    expect(body).toMatch(/^pulse_nodejs_eventloop_lag_seconds \d/m);
  });

  it('reports sync runs by state and the sync totals across tenants, without naming a tenant', async () => {
    const integration = await f.app.inject({
      method: 'POST',
      url: '/api/v1/integrations',
      headers: bearer(f.tokens.admin),
      payload: { kind: 'git', name: 'prom', config: { repositories: [{ path: '.' }] } },
    });
    const id = integration.json().id;
    await f.app.inject({
      method: 'POST',
      url: `/api/v1/integrations/${id}/sync`,
      headers: bearer(f.tokens.member),
      payload: {},
    });
    await withTenant(handle.db, f.tenants.a.id, (tx) =>
      tx.query(
        `insert into sync_runs (tenant_id, integration_id, state, progress, finished_at)
         values ($1, $2, 'succeeded', '{"records": 120, "requests": 7, "rateLimitWaits": 2, "rateLimitWaitMs": 1500}', now())`,
        [f.tenants.a.id, id],
      ),
    );
    const body = await scrape();
    expect(value(body, 'pulse_sync_runs{state="queued"}')).toBe(1);
    expect(value(body, 'pulse_sync_runs{state="succeeded"}')).toBe(1);
    expect(value(body, 'pulse_sync_totals{kind="records"}')).toBe(120);
    expect(value(body, 'pulse_sync_totals{kind="rate_limit_wait_seconds"}')).toBe(1.5);
    expect(body).not.toContain(f.tenants.a.slug);
    expect(body).not.toContain(f.tenants.a.id);
  });
});
